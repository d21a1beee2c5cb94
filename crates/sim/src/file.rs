//! Reading a file a player, a facilitator or a classmate names: only a regular file, and
//! never more than a cap, so a pipe, a device or a file that keeps growing can neither
//! hang the program nor exhaust its memory.

use std::io::Read;
use std::path::Path;

/// The bytes of the regular file at `path`, at most `max` of them; the error says why in
/// words (the caller adds the file's name).
pub fn read_capped(path: &Path, max: u64, what: &str) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    // Opening a pipe blocks until someone writes to it; a device may never end.
    if !meta.is_file() {
        return Err(if meta.is_dir() {
            "this is a folder, not a file".to_string()
        } else {
            "not a regular file (a pipe or a device): it is not read".to_string()
        });
    }
    if meta.len() > max {
        return Err(format!(
            "the file is {} bytes; {what} may be at most {max} bytes",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "the file grew past {max} bytes while it was read; {what} may be at most that"
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> crate::scratch::Scratch {
        crate::scratch::Scratch::new(&format!("file-{name}"))
    }

    #[test]
    fn a_device_a_folder_and_an_oversized_file_are_refused_without_reading_them() {
        let dir = scratch("refuse");
        let zero = dir.join("zero.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("a symlink");
        let err = read_capped(&zero, 1024, "a result file").unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        let err = read_capped(&dir, 1024, "a result file").unwrap_err();
        assert!(err.contains("folder"), "{err}");
        let big = dir.join("big.json");
        std::fs::write(&big, vec![b'x'; 2048]).expect("a file");
        let err = read_capped(&big, 1024, "a result file").unwrap_err();
        assert!(
            err.contains("2048 bytes") && err.contains("at most 1024"),
            "{err}"
        );
        std::fs::write(&big, b"{}").expect("a file");
        assert_eq!(read_capped(&big, 1024, "a result file").unwrap(), b"{}");
    }

    #[test]
    fn a_pipe_is_refused_at_once_instead_of_waiting_for_a_writer() {
        let dir = scratch("fifo");
        let fifo = dir.join("fifo.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo is part of coreutils"
        );
        let err = read_capped(&fifo, 1024, "a result file").unwrap_err();
        assert!(err.contains("pipe"), "{err}");
    }
}
