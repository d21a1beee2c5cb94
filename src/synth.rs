//! Sounds made by the game itself: a soft click, a chime for the end of a week, a low
//! tone for warnings, and a calm looping pad for music. Plain sample maths written out
//! as 16-bit mono WAV, so there are no audio files to license or ship.

use std::f32::consts::TAU;

pub const SAMPLE_RATE: u32 = 22_050;

/// Wraps samples (-1..1) in a WAV container.
pub fn wav(samples: &[f32]) -> Vec<u8> {
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    out.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes()); // byte rate
    out.extend_from_slice(&2u16.to_le_bytes()); // block align
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&((s.clamp(-1.0, 1.0) * i16::MAX as f32) as i16).to_le_bytes());
    }
    out
}

fn seconds(s: f32) -> usize {
    (s * SAMPLE_RATE as f32) as usize
}

fn midi(note: f32) -> f32 {
    440.0 * 2f32.powf((note - 69.0) / 12.0)
}

/// A short, soft tick for buttons.
pub fn click() -> Vec<f32> {
    (0..seconds(0.05))
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            0.35 * (TAU * 1200.0 * t).sin() * (-t * 90.0).exp()
        })
        .collect()
}

/// A two-note bell for the end of a week: rising when it went well, falling when not.
pub fn chime(rising: bool) -> Vec<f32> {
    let (a, b) = if rising { (72.0, 79.0) } else { (79.0, 72.0) };
    let mut out = vec![0.0; seconds(1.2)];
    for (start, note) in [(0.0, a), (0.18, b)] {
        let f = midi(note);
        for (i, s) in out.iter_mut().enumerate().skip(seconds(start)) {
            let t = (i - seconds(start)) as f32 / SAMPLE_RATE as f32;
            let env = (-t * 4.0).exp() * (t * 200.0).min(1.0);
            *s += 0.22 * env * ((TAU * f * t).sin() + 0.3 * (TAU * 2.0 * f * t).sin());
        }
    }
    out
}

/// A low double tone for a warning or a dilemma card.
pub fn alert() -> Vec<f32> {
    (0..seconds(0.5))
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let gate = if (0.2..=0.28).contains(&t) { 0.0 } else { 1.0 };
            0.25 * gate * (TAU * midi(57.0) * t).sin() * (-t * 5.0).exp()
        })
        .collect()
}

/// Sixteen seconds of slow chords (Cmaj7, Am7, Fmaj7, G6) that loop without a seam.
pub fn music() -> Vec<f32> {
    const CHORDS: [[f32; 4]; 4] = [
        [48.0, 55.0, 59.0, 64.0],
        [45.0, 55.0, 60.0, 64.0],
        [41.0, 57.0, 60.0, 64.0],
        [43.0, 55.0, 59.0, 64.0],
    ];
    let bar = 4.0;
    let mut out = vec![0.0; seconds(bar * CHORDS.len() as f32)];
    for (c, chord) in CHORDS.iter().enumerate() {
        let start = seconds(bar * c as f32);
        for note in chord {
            let f = midi(*note);
            for k in 0..seconds(bar) {
                let t = k as f32 / SAMPLE_RATE as f32;
                // Slow swell in and out within the bar, so bars (and the loop) join softly.
                let env = (std::f32::consts::PI * t / bar).sin().powi(2);
                let tone = (TAU * f * t).sin() + 0.25 * (TAU * 2.0 * f * t).sin();
                out[start + k] += 0.06 * env * tone;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wav_header_matches_the_samples() {
        let bytes = wav(&click());
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(&bytes[8..12], b"WAVE");
        let data_len = u32::from_le_bytes(bytes[40..44].try_into().unwrap()) as usize;
        assert_eq!(data_len, click().len() * 2);
        assert_eq!(bytes.len(), 44 + data_len);
    }

    #[test]
    fn sounds_are_audible_and_never_clip() {
        for (name, s) in [
            ("click", click()),
            ("chime", chime(true)),
            ("alert", alert()),
            ("music", music()),
        ] {
            let peak = s.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            assert!(peak > 0.05, "{name} is silent");
            assert!(peak <= 1.0, "{name} clips at {peak}");
        }
    }

    #[test]
    fn the_music_loops_without_a_click() {
        let m = music();
        assert!(m[0].abs() < 0.01 && m[m.len() - 1].abs() < 0.01);
    }
}
