//! The one writer of SVG charts: the balance charts of `balance` and the curves of a
//! team's one-page report. It knows the plot area and its scales, draws bands, grid
//! lines, series and labelled reference lines, and escapes every text it writes.

use std::fmt::Write;

/// Text for HTML or SVG: `&`, `<`, `>` and `"` escaped.
pub fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A chart being written: its size and the plot area the values map into.
pub struct Chart {
    svg: String,
    /// The plot area: left and right x, top and bottom y, in pixels.
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The values at the plot's left and right edges, and at its bottom and top.
    x_range: (f64, f64),
    y_range: (f64, f64),
}

/// How a line is stroked.
#[derive(Clone, Copy)]
pub struct Stroke<'a> {
    pub colour: &'a str,
    pub width: f64,
    /// An SVG dash pattern such as "6 4"; empty for a solid line.
    pub dash: &'a str,
}

impl<'a> Stroke<'a> {
    pub fn solid(colour: &'a str, width: f64) -> Stroke<'a> {
        Stroke {
            colour,
            width,
            dash: "",
        }
    }

    fn attributes(&self) -> String {
        let dash = if self.dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{}""#, self.dash)
        };
        format!(
            r#"stroke="{}" stroke-width="{}"{dash}"#,
            self.colour, self.width
        )
    }
}

impl Chart {
    /// A `width` × `height` chart whose plot area is inset by `margins` (left, right,
    /// top, bottom); `font` holds extra attributes of the root (font family and size).
    pub fn new(width: f64, height: f64, margins: (f64, f64, f64, f64), font: &str) -> Chart {
        let (l, r, t, b) = margins;
        Chart {
            svg: format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" {font}>"#
            ) + "\n",
            left: l,
            right: width - r,
            top: t,
            bottom: height - b,
            x_range: (0.0, 1.0),
            y_range: (0.0, 1.0),
        }
    }

    /// The values shown across the plot (left to right) and up it (bottom to top).
    pub fn scales(mut self, x: (f64, f64), y: (f64, f64)) -> Chart {
        self.x_range = x;
        self.y_range = y;
        self
    }

    pub fn x(&self, v: f64) -> f64 {
        let (lo, hi) = self.x_range;
        self.left + (v - lo) / (hi - lo).max(1e-9) * (self.right - self.left)
    }

    /// Values outside the range are drawn at its edge.
    pub fn y(&self, v: f64) -> f64 {
        let (lo, hi) = self.y_range;
        let v = v.clamp(lo.min(hi), hi.max(lo));
        self.bottom - (v - lo) / (hi - lo).max(1e-9) * (self.bottom - self.top)
    }

    fn raw(&mut self, element: String) {
        self.svg.push_str(&element);
        self.svg.push('\n');
    }

    /// A filled rectangle in pixels.
    pub fn rect(&mut self, (x, y): (f64, f64), (w, h): (f64, f64), fill: &str) {
        self.raw(format!(
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}" stroke="none"/>"#
        ));
    }

    /// A band of values across the plot's full width (`horizontal`) or height.
    pub fn band(&mut self, (lo, hi): (f64, f64), horizontal: bool, fill: &str) {
        if horizontal {
            let (top, bottom) = (self.y(hi), self.y(lo));
            self.rect(
                (self.left, top),
                (self.right - self.left, bottom - top),
                fill,
            );
        } else {
            let (from, to) = (self.x(lo), self.x(hi));
            self.rect((from, self.top), (to - from, self.bottom - self.top), fill);
        }
    }

    /// Text at a point in pixels; `attributes` such as `text-anchor="end"`.
    pub fn text(&mut self, (x, y): (f64, f64), attributes: &str, text: &str) {
        self.raw(format!(
            r#"<text x="{x:.1}" y="{y:.1}" {attributes}>{}</text>"#,
            escape(text)
        ));
    }

    /// A horizontal grid line at value `v`, labelled at the left of the plot.
    pub fn grid_y(&mut self, v: f64, label: &str) {
        let y = self.y(v);
        self.raw(format!(
            r##"<line x1="{:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" stroke="#dddddd"/>"##,
            self.left, self.right
        ));
        self.text((self.left - 4.0, y + 4.0), r#"text-anchor="end""#, label);
    }

    /// A label under the plot at value `v` of the x axis.
    pub fn tick_x(&mut self, v: f64, label: &str) {
        let at = (self.x(v), self.bottom + 16.0);
        self.text(at, r#"text-anchor="middle""#, label);
    }

    /// A line through the points (values), as a path: some renderers close polylines.
    pub fn series(&mut self, points: impl IntoIterator<Item = (f64, f64)>, stroke: Stroke) {
        let d: Vec<String> = points
            .into_iter()
            .enumerate()
            .map(|(i, (x, y))| {
                let cmd = if i == 0 { 'M' } else { 'L' };
                format!("{cmd}{:.1},{:.1}", self.x(x), self.y(y))
            })
            .collect();
        self.raw(format!(
            r#"<path d="{}" fill="none" {}/>"#,
            d.join(" "),
            stroke.attributes()
        ));
    }

    /// The area between two lines over the same x values (upper, lower).
    pub fn area(&mut self, points: &[(f64, f64, f64)], fill: &str, opacity: f64) {
        let upper = points
            .iter()
            .map(|&(x, hi, _)| format!("{:.1},{:.1}", self.x(x), self.y(hi)));
        let lower = points
            .iter()
            .rev()
            .map(|&(x, _, lo)| format!("{:.1},{:.1}", self.x(x), self.y(lo)));
        let all: Vec<String> = upper.chain(lower).collect();
        self.raw(format!(
            r#"<polygon points="{}" fill="{fill}" fill-opacity="{opacity}" stroke="none"/>"#,
            all.join(" ")
        ));
    }

    /// A horizontal line at value `v` across the plot, labelled to its right, `dy`
    /// pixels below the line (negative: above).
    pub fn reference(&mut self, v: f64, stroke: Stroke, label: &str, dy: f64) {
        let y = self.y(v);
        self.raw(format!(
            r#"<line x1="{:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" {}/>"#,
            self.left,
            self.right,
            stroke.attributes()
        ));
        let fill = format!(r#"fill="{}""#, stroke.colour);
        self.text((self.right + 6.0, y + dy), &fill, label);
    }

    pub fn finish(mut self) -> String {
        let _ = writeln!(self.svg, "</svg>");
        self.svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_map_into_the_plot_and_text_is_escaped() {
        let mut c =
            Chart::new(200.0, 100.0, (20.0, 10.0, 5.0, 15.0), "").scales((0.0, 10.0), (0.0, 1.0));
        assert_eq!((c.x(0.0), c.x(10.0)), (20.0, 190.0));
        assert_eq!((c.y(0.0), c.y(1.0)), (85.0, 5.0));
        assert_eq!(c.y(2.0), 5.0, "a value above the range is drawn at the top");
        c.text((0.0, 0.0), "", "Fish & <Chips>");
        let svg = c.finish();
        assert!(svg.contains("Fish &amp; &lt;Chips&gt;"), "{svg}");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }
}
