//! Reading a file a player, a facilitator or a classmate names: only a regular file, and
//! never more than a cap, so a pipe, a device or a file that keeps growing can neither
//! hang the program nor exhaust its memory.

use std::io::Read;
use std::path::Path;

/// Why a named file was not read; the caller adds the file's name.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("this is a folder, not a file")]
    Folder,
    #[error("not a regular file (a pipe or a device): it is not read")]
    NotRegular,
    #[error("the file is {len} bytes; {what} may be at most {max} bytes")]
    TooLarge {
        len: u64,
        max: u64,
        what: &'static str,
    },
    #[error("the file grew past {max} bytes while it was read; {what} may be at most that")]
    Grew { max: u64, what: &'static str },
}

/// The bytes of the regular file at `path`, at most `max` of them; `what` names the kind
/// of file in the error ("a level").
pub fn read_capped(path: &Path, max: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    // Opening a pipe blocks until someone writes to it; a device may never end.
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            max,
            what,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::Grew { max, what });
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
        let err = read_capped(&zero, 1024, "a result file")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a regular file"), "{err}");
        let err = read_capped(&dir, 1024, "a result file")
            .unwrap_err()
            .to_string();
        assert!(err.contains("folder"), "{err}");
        let big = dir.join("big.json");
        std::fs::write(&big, vec![b'x'; 2048]).expect("a file");
        let err = read_capped(&big, 1024, "a result file")
            .unwrap_err()
            .to_string();
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
        let err = read_capped(&fifo, 1024, "a result file")
            .unwrap_err()
            .to_string();
        assert!(err.contains("pipe"), "{err}");
    }
}
