use anyhow::Result;
pub fn run(_args: &[String]) -> Result<()> {
    anyhow::bail!("corpus: not written yet")
}
