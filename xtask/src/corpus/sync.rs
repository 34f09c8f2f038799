//! Moves freshly generated crates into the checked workspace without touching
//! files whose content did not change: cargo decides freshness by file mtime,
//! so an unchanged crate keeps its check result from the previous run and a
//! re-run only checks what the generator now writes differently.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};

/// Makes `dst` an exact copy of `src`, rewriting only changed files, then
/// removes `src`.
pub fn replace_dir(src: &Path, dst: &Path) -> Result<()> {
    sync_dir(src, dst)?;
    std::fs::remove_dir_all(src).with_context(|| format!("removing {}", src.display()))
}

fn sync_dir(src: &Path, dst: &Path) -> Result<()> {
    if dst.is_file() {
        std::fs::remove_file(dst).with_context(|| format!("removing {}", dst.display()))?;
    }
    std::fs::create_dir_all(dst).with_context(|| format!("creating {}", dst.display()))?;
    let mut seen = HashSet::new();
    let entries = std::fs::read_dir(src).with_context(|| format!("reading {}", src.display()))?;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let (from, to) = (entry.path(), dst.join(&name));
        if entry.file_type()?.is_dir() {
            sync_dir(&from, &to)?;
        } else {
            sync_file(&from, &to)?;
        }
        seen.insert(name);
    }
    // Files the generator no longer writes must not linger in the crate.
    for entry in std::fs::read_dir(dst).with_context(|| format!("reading {}", dst.display()))? {
        let entry = entry?;
        if seen.contains(&entry.file_name()) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        }
        .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

fn sync_file(from: &Path, to: &Path) -> Result<()> {
    let new = std::fs::read(from).with_context(|| format!("reading {}", from.display()))?;
    if to.is_dir() {
        std::fs::remove_dir_all(to).with_context(|| format!("removing {}", to.display()))?;
    }
    if std::fs::read(to).is_ok_and(|old| old == new) {
        return Ok(());
    }
    std::fs::write(to, new).with_context(|| format!("writing {}", to.display()))
}

/// Removes every crate directory under `crates` not named in `keep`.
pub fn prune(crates: &Path, keep: &HashSet<&str>) -> Result<()> {
    if !crates.is_dir() {
        return Ok(());
    }
    for entry in
        std::fs::read_dir(crates).with_context(|| format!("reading {}", crates.display()))?
    {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| keep.contains(n)) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        }
        .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_unchanged_files_and_drops_stale_ones() -> Result<()> {
        let root = std::env::temp_dir().join(format!("xtask-corpus-sync-{}", std::process::id()));
        let (src, dst) = (root.join("src"), root.join("dst"));
        std::fs::create_dir_all(src.join("sub"))?;
        std::fs::create_dir_all(dst.join("old"))?;
        std::fs::write(src.join("same.rs"), "same")?;
        std::fs::write(src.join("sub/new.rs"), "new")?;
        std::fs::write(dst.join("same.rs"), "same")?;
        std::fs::write(dst.join("stale.rs"), "stale")?;
        let before = std::fs::metadata(dst.join("same.rs"))?.modified()?;
        std::thread::sleep(std::time::Duration::from_millis(20));
        replace_dir(&src, &dst)?;
        let after = std::fs::metadata(dst.join("same.rs"))?.modified()?;
        let result = (
            before == after,
            std::fs::read_to_string(dst.join("sub/new.rs"))?,
            dst.join("stale.rs").exists() || dst.join("old").exists() || src.exists(),
        );
        std::fs::remove_dir_all(&root)?;
        assert_eq!(result, (true, "new".to_string(), false));
        Ok(())
    }
}
