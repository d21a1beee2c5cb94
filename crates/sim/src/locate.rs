//! Finds where a value sits in RON source text, so that errors found after parsing
//! (an unknown reference, a week past the level's end) still name a line and column.
//!
//! A small, forgiving reader of RON's shape only: it never fails, it just stops.

/// One step of a path into a level: a field name or a position in a list.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

struct Node {
    start: usize,
    fields: Vec<(String, Node)>,
    items: Vec<Node>,
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while self.i < self.s.len() {
            let c = self.s[self.i];
            if c.is_ascii_whitespace() {
                self.i += 1;
            } else if self.s[self.i..].starts_with(b"//") {
                while self.i < self.s.len() && self.s[self.i] != b'\n' {
                    self.i += 1;
                }
            } else if self.s[self.i..].starts_with(b"/*") {
                self.i += 2;
                while self.i < self.s.len() && !self.s[self.i..].starts_with(b"*/") {
                    self.i += 1;
                }
                self.i = (self.i + 2).min(self.s.len());
            } else {
                break;
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.i;
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_')
        {
            self.i += 1;
        }
        (self.i > start).then(|| String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }

    fn string(&mut self) {
        // At a quote: skip to the closing one, honouring escapes.
        self.i += 1;
        while self.i < self.s.len() && self.s[self.i] != b'"' {
            if self.s[self.i] == b'\\' {
                self.i += 1;
            }
            self.i += 1;
        }
        self.i += 1;
    }

    fn value(&mut self) -> Node {
        self.skip_ws();
        let mut node = Node {
            start: self.i,
            fields: Vec::new(),
            items: Vec::new(),
        };
        self.depth += 1;
        if self.depth > 64 || self.i >= self.s.len() {
            return node;
        }
        let c = self.s[self.i];
        if c == b'"' {
            self.string();
        } else if c == b'[' || c == b'{' || c == b'(' {
            self.i += 1;
            self.body(
                &mut node,
                if c == b'[' {
                    b']'
                } else if c == b'{' {
                    b'}'
                } else {
                    b')'
                },
            );
        } else if self.ident().is_some() {
            self.skip_ws();
            if self.i < self.s.len() && self.s[self.i] == b'(' {
                self.i += 1;
                self.body(&mut node, b')');
            }
        } else {
            // A number or a stray character: read to the next separator.
            while self.i < self.s.len() && !b",)]}: \n\t\r".contains(&self.s[self.i]) {
                self.i += 1;
            }
        }
        self.depth -= 1;
        node
    }

    fn body(&mut self, node: &mut Node, close: u8) {
        loop {
            self.skip_ws();
            if self.i >= self.s.len() {
                return;
            }
            if self.s[self.i] == close {
                self.i += 1;
                return;
            }
            if self.s[self.i] == b',' {
                self.i += 1;
                continue;
            }
            let before = self.i;
            // `name: value` is a field; anything else is an item.
            if let Some(name) = self.ident() {
                self.skip_ws();
                if self.i < self.s.len() && self.s[self.i] == b':' && close != b'}' {
                    self.i += 1;
                    let v = self.value();
                    node.fields.push((name, v));
                    continue;
                }
                self.i = before;
            }
            let v = self.value();
            self.skip_ws();
            if close == b'}' && self.i < self.s.len() && self.s[self.i] == b':' {
                self.i += 1;
                let _ = self.value();
            }
            node.items.push(v);
            if self.i == before {
                self.i += 1;
            }
        }
    }
}

/// Byte offset of the value at `path`, or of the deepest part of it that exists.
pub fn locate(src: &str, path: &[Step]) -> usize {
    let mut r = Reader {
        s: src.as_bytes(),
        i: 0,
        depth: 0,
    };
    let root = r.value();
    let mut node = &root;
    for step in path {
        // A newtype variant such as `People([...])` wraps its content in one item.
        let next = match step {
            Step::Key(k) => find_field(node, k),
            Step::Index(i) => node.items.get(*i).or_else(|| {
                let inner = single(node)?;
                inner.items.get(*i)
            }),
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    node.start
}

fn single(node: &Node) -> Option<&Node> {
    (node.items.len() == 1 && node.fields.is_empty()).then(|| &node.items[0])
}

fn find_field<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .or_else(|| find_field(single(node)?, key))
}

/// 1-based line and column of a byte offset (columns count characters).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..src.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_items() {
        let src = "(\n  id: \"a\",\n  team: People([\n    (name: \"x\"),\n    (name: \"y\", skill: 2.0),\n  ]),\n)";
        let at = locate(
            src,
            &[Step::Key("team"), Step::Index(1), Step::Key("skill")],
        );
        assert_eq!(line_col(src, at), (5, 24));
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_part_found() {
        let src = "(weeks: 3, // comment: here\n goals: [])";
        let at = locate(src, &[Step::Key("goals"), Step::Index(4)]);
        assert_eq!(line_col(src, at), (2, 9));
    }
}
