//! The files a spec may refer to with `$ref`: those inside its own folder, and nothing else.

use std::path::{Path, PathBuf};

/// Largest referenced file read, in bytes; a spec's fragments are far smaller.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads files relative to a spec's folder, refusing any path that resolves outside it
/// (through `..` or a symbolic link).
pub struct SpecFolder {
    root: PathBuf,
    spec: Option<String>,
}

impl SpecFolder {
    /// The folder of `spec_path`.
    pub fn of(spec_path: &Path) -> std::io::Result<Self> {
        let spec = spec_path.canonicalize()?;
        let root = spec
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/"));
        let name = spec
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string);
        Ok(SpecFolder { root, spec: name })
    }
}

impl generator::FileSource for SpecFolder {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        let joined = self.root.join(path);
        let real = joined.canonicalize().map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => error.to_string(),
        })?;
        if !real.starts_with(&self.root) {
            return Err("it resolves outside the spec's folder".into());
        }
        let metadata = std::fs::metadata(&real).map_err(|error| error.to_string())?;
        if !metadata.is_file() {
            return Err("not a file".into());
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(format!("larger than {MAX_FILE_BYTES} bytes"));
        }
        std::fs::read(&real).map_err(|error| error.to_string())
    }

    fn spec_path(&self) -> Option<String> {
        self.spec.clone()
    }
}
