//! Class codes: a short code a facilitator reads aloud (`FT-7K3Q-92XD`) that fixes the
//! level, its version, the difficulty and the seed, so every team plays the identical run.
//!
//! 40 bits in eight Crockford base-32 characters (no I, L, O or U; those typed by mistake
//! are read as 1, 1, 0 and V): 10 bits of the level id's hash, 12 of the level file's
//! content hash, 2 of difficulty, 10 of seed (1–1024) and a 6-bit check that catches any
//! one mistyped character and any two neighbouring characters swapped.

use sim::{Difficulty, Level};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const MAX_SEED: u64 = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassCode {
    level: u16,
    content: u16,
    pub difficulty: Difficulty,
    /// 1..=1024
    pub seed: u64,
}

/// Why a code cannot be played here.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeError {
    /// Not eight characters of the code's alphabet after `FT-`, or a check failure.
    Malformed(String),
    /// No level on this machine has the code's level.
    UnknownLevel,
    /// A level with that id exists, but its file differs from the facilitator's.
    OtherVersion { title: String },
}

impl std::error::Error for CodeError {}

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeError::Malformed(why) => write!(f, "this is not a class code: {why}"),
            CodeError::UnknownLevel => write!(
                f,
                "this code is for a level this machine does not have: ask the facilitator for the level file and put it in your levels folder"
            ),
            CodeError::OtherVersion { title } => write!(
                f,
                "this code is for another version of \"{title}\": the facilitator's level file differs from yours; ask for their file"
            ),
        }
    }
}

fn level_bits(level: &Level) -> (u16, u16) {
    (
        (level.id_hash() & 0x3FF) as u16,
        (level.content_hash & 0xFFF) as u16,
    )
}

fn difficulty_bits(d: Difficulty) -> u64 {
    match d {
        Difficulty::Easy => 0,
        Difficulty::Normal => 1,
        Difficulty::Hard => 2,
    }
}

/// A weighted sum, mod 61, of the payload's characters as they are written (the code
/// without its check): one mistyped character changes its character's term by its
/// position times a non-zero amount below 61, so it never leaves the sum unchanged.
fn check(payload: u64) -> u64 {
    let shifted = payload << 6;
    (1..8u64)
        .map(|c| c * ((shifted >> (5 * c)) & 31))
        .sum::<u64>()
        // The offset keeps a code of zeros from passing its own check.
        .wrapping_add(17)
        % 61
}

impl ClassCode {
    /// A code for `level` at `difficulty`; `seed` is taken into 1..=1024.
    pub fn new(level: &Level, difficulty: Difficulty, seed: u64) -> ClassCode {
        let (l, c) = level_bits(level);
        ClassCode {
            level: l,
            content: c,
            difficulty,
            seed: (seed.max(1) - 1) % MAX_SEED + 1,
        }
    }

    fn payload(&self) -> u64 {
        (self.level as u64) << 24
            | (self.content as u64) << 12
            | difficulty_bits(self.difficulty) << 10
            | (self.seed - 1)
    }

    /// `FT-XXXX-XXXX`.
    pub fn text(&self) -> String {
        let p = self.payload();
        let bits = p << 6 | check(p);
        let chars: String = (0..8)
            .rev()
            .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
            .collect();
        format!("FT-{}-{}", &chars[..4], &chars[4..])
    }

    /// Reads a code as typed: case, spaces and dashes do not matter.
    pub fn parse(typed: &str) -> Result<ClassCode, CodeError> {
        let clean: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase();
        let body = clean.strip_prefix("FT").unwrap_or(&clean);
        if body.chars().count() != 8 {
            return Err(CodeError::Malformed(format!(
                "expected 8 characters after FT-, found {}",
                body.chars().count()
            )));
        }
        let mut bits: u64 = 0;
        for c in body.chars() {
            let c = match c {
                'I' | 'L' => '1',
                'O' => '0',
                'U' => 'V',
                c => c,
            };
            let Some(v) = ALPHABET.iter().position(|a| *a as char == c) else {
                return Err(CodeError::Malformed(format!("'{c}' is not used in codes")));
            };
            bits = bits << 5 | v as u64;
        }
        let payload = bits >> 6;
        if check(payload) != bits & 0x3F {
            return Err(CodeError::Malformed(
                "a character is mistyped (the code's check does not match)".into(),
            ));
        }
        let difficulty = match (payload >> 10) & 3 {
            0 => Difficulty::Easy,
            1 => Difficulty::Normal,
            2 => Difficulty::Hard,
            _ => return Err(CodeError::Malformed("unknown difficulty".into())),
        };
        Ok(ClassCode {
            level: ((payload >> 24) & 0x3FF) as u16,
            content: ((payload >> 12) & 0xFFF) as u16,
            difficulty,
            seed: (payload & 0x3FF) + 1,
        })
    }

    /// The level among `levels` this code is for, or why none is.
    pub fn find<'a>(
        &self,
        levels: impl IntoIterator<Item = &'a Level>,
    ) -> Result<&'a Level, CodeError> {
        let mut other = None;
        for l in levels {
            let (id, content) = level_bits(l);
            if id == self.level {
                if content == self.content {
                    return Ok(l);
                }
                other = Some(l.title.clone());
            }
        }
        Err(match other {
            Some(title) => CodeError::OtherVersion { title },
            None => CodeError::UnknownLevel,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(id: &str) -> Level {
        Level::load(&crate::scratch::manifest_dir().join(format!("levels/{id}.ron"))).unwrap()
    }

    #[test]
    fn a_code_reads_back_to_the_same_level_difficulty_and_seed() {
        let l = level("crunch");
        for (d, seed) in [
            (Difficulty::Easy, 1),
            (Difficulty::Normal, 517),
            (Difficulty::Hard, 1024),
        ] {
            let code = ClassCode::new(&l, d, seed);
            let text = code.text();
            assert!(text.starts_with("FT-") && text.len() == 12, "{text}");
            let back = ClassCode::parse(&text).unwrap();
            assert_eq!(back, code);
            assert_eq!((back.difficulty, back.seed), (d, seed));
            assert_eq!(back.find([&l]).unwrap().id, "crunch");
            // As read aloud and typed: lower case, spaces, no dashes.
            let typed = text.to_lowercase().replace('-', " ");
            assert_eq!(ClassCode::parse(&typed).unwrap(), code);
        }
    }

    #[test]
    fn every_mistyped_character_and_every_swap_of_neighbours_is_caught() {
        let mut tried = 0;
        for id in ["first-week", "crunch", "fog-of-strategy"] {
            let l = level(id);
            for d in [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard] {
                for seed in [1, 64, 65, 129, 193, 517, 1024] {
                    let text = ClassCode::new(&l, d, seed).text();
                    let body: Vec<char> = text.chars().filter(|c| *c != '-').skip(2).collect();
                    let write = |b: &[char]| b.iter().collect::<String>();
                    for pos in 0..8 {
                        for &a in ALPHABET.iter() {
                            let a = a as char;
                            if a == body[pos] {
                                continue;
                            }
                            let mut typo = body.clone();
                            typo[pos] = a;
                            tried += 1;
                            assert!(
                                ClassCode::parse(&write(&typo)).is_err(),
                                "{text}: {} passed",
                                write(&typo)
                            );
                        }
                        if pos < 7 && body[pos] != body[pos + 1] {
                            let mut swapped = body.clone();
                            swapped.swap(pos, pos + 1);
                            tried += 1;
                            assert!(
                                ClassCode::parse(&write(&swapped)).is_err(),
                                "{text}: {} passed",
                                write(&swapped)
                            );
                        }
                    }
                }
            }
        }
        assert!(tried > 15_000, "{tried}");
    }

    #[test]
    fn a_code_for_another_version_or_a_missing_level_says_which() {
        let l = level("crunch");
        let code = ClassCode::new(&l, Difficulty::Normal, 3);
        let mut edited = l.clone();
        edited.content_hash ^= 0x5;
        assert_eq!(
            code.find([&edited]).unwrap_err(),
            CodeError::OtherVersion {
                title: "Crunch".into()
            }
        );
        assert_eq!(
            code.find([&level("first-week")]).unwrap_err(),
            CodeError::UnknownLevel
        );
        assert!(matches!(
            ClassCode::parse("FT-12"),
            Err(CodeError::Malformed(_))
        ));
        assert!(matches!(
            ClassCode::parse("FT-!!!!-!!!!"),
            Err(CodeError::Malformed(_))
        ));
    }
}
