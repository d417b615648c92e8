//! The 8x8 handwritten digits and their fixed train/test split.
//!
//! The data is the test part of the UCI "Optical Recognition of Handwritten
//! Digits" set (E. Alpaydin and C. Kaynak, 1998; licence CC BY 4.0), in the
//! form scikit-learn 1.9.1 ships it as `sklearn/datasets/data/digits.csv.gz`:
//! 1,797 rows of 64 pixel counts in `0..=16` followed by the class `0..=9`.
//! The file is vendored unchanged under `data/digits/` and embedded in the
//! binary, so the demo needs no download.

use std::io::Read;

use flate2::read::GzDecoder;
use ndarray::{Array2, ArrayView1, ArrayView2, Axis};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::KdError;

/// Pixels per image (8 x 8).
pub const FEATURES: usize = 64;
/// Digit classes 0 to 9.
pub const CLASSES: usize = 10;
/// Largest pixel count in the data: each pixel counts the set pixels of a
/// 4x4 block of the original 32x32 bitmap.
pub const MAX_PIXEL: u8 = 16;

/// The vendored `digits.csv.gz`, byte for byte as in the scikit-learn wheel.
const DIGITS_CSV_GZ: &[u8] = include_bytes!("../../../data/digits/digits.csv.gz");

/// Images as rows of pixel intensities scaled to `0.0..=1.0`, with classes.
#[derive(Debug, Clone, PartialEq)]
pub struct Digits {
    /// One row per image, [`FEATURES`] columns.
    pub images: Array2<f32>,
    /// The digit shown by each row of `images`.
    pub labels: Vec<u8>,
}

/// The fixed stratified split used by every experiment.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub train: Digits,
    pub test: Digits,
}

impl Digits {
    /// Decodes the embedded data set.
    pub fn embedded() -> Result<Self, KdError> {
        Self::from_csv_gz(DIGITS_CSV_GZ)
    }

    /// Decodes gzip-compressed CSV rows of 64 pixel counts and a class.
    pub fn from_csv_gz(bytes: &[u8]) -> Result<Self, KdError> {
        let mut text = String::new();
        GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(KdError::Decompress)?;
        Self::from_csv(&text)
    }

    /// Parses CSV rows of 64 pixel counts in `0..=16` and a class in `0..=9`.
    pub fn from_csv(text: &str) -> Result<Self, KdError> {
        let mut pixels = Vec::new();
        let mut labels = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let label = parse_row(line, index + 1, &mut pixels)?;
            labels.push(label);
        }
        if labels.is_empty() {
            return Err(KdError::EmptyData);
        }
        let images = Array2::from_shape_vec((labels.len(), FEATURES), pixels)
            .map_err(|err| KdError::Shape(err.to_string()))?;
        Ok(Self { images, labels })
    }

    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Returns one image as a row of 64 intensities.
    pub fn image(&self, index: usize) -> ArrayView1<'_, f32> {
        self.images.row(index)
    }

    /// Returns all images as a matrix view.
    pub fn view(&self) -> ArrayView2<'_, f32> {
        self.images.view()
    }

    /// Copies the given rows, in the given order.
    pub fn select(&self, rows: &[usize]) -> Self {
        Self {
            images: self.images.select(Axis(0), rows),
            labels: rows.iter().map(|&row| self.labels[row]).collect(),
        }
    }

    /// Row indices of each class, in file order.
    pub fn rows_by_class(&self) -> [Vec<usize>; CLASSES] {
        let mut rows: [Vec<usize>; CLASSES] = Default::default();
        for (row, &label) in self.labels.iter().enumerate() {
            rows[usize::from(label)].push(row);
        }
        rows
    }

    /// Splits off every fourth image of each class (the 4th, 8th, ... in file
    /// order) as the test set, so both parts keep the class balance and the
    /// mix of writers. The split does not depend on any seed.
    pub fn split(&self) -> Split {
        let mut train = Vec::new();
        let mut test = Vec::new();
        for rows in self.rows_by_class() {
            for (position, row) in rows.into_iter().enumerate() {
                if position % 4 == 3 {
                    test.push(row);
                } else {
                    train.push(row);
                }
            }
        }
        train.sort_unstable();
        test.sort_unstable();
        Split {
            train: self.select(&train),
            test: self.select(&test),
        }
    }

    /// Picks `per_class` rows of each class at random (seeded), sorted.
    ///
    /// Fails when a class has fewer rows than requested.
    pub fn labelled_rows(&self, per_class: usize, seed: u64) -> Result<Vec<usize>, KdError> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut chosen = Vec::with_capacity(per_class * CLASSES);
        for (class, mut rows) in self.rows_by_class().into_iter().enumerate() {
            if rows.len() < per_class {
                return Err(KdError::LabelBudget {
                    requested: per_class,
                    class,
                    available: rows.len(),
                });
            }
            rows.shuffle(&mut rng);
            chosen.extend_from_slice(&rows[..per_class]);
        }
        chosen.sort_unstable();
        Ok(chosen)
    }
}

/// Parses one CSV row into `pixels` and returns its class.
fn parse_row(line: &str, line_number: usize, pixels: &mut Vec<f32>) -> Result<u8, KdError> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if fields.len() != FEATURES + 1 {
        return Err(KdError::Row {
            line: line_number,
            message: format!("expected {} fields, found {}", FEATURES + 1, fields.len()),
        });
    }
    for field in &fields[..FEATURES] {
        let count = parse_integer(field, MAX_PIXEL, line_number)?;
        pixels.push(f32::from(count) / f32::from(MAX_PIXEL));
    }
    parse_integer(fields[FEATURES], 9, line_number)
}

/// Parses an integer in `0..=max`, also accepting a zero fraction ("5.0").
fn parse_integer(field: &str, max: u8, line_number: usize) -> Result<u8, KdError> {
    let digits = field.strip_suffix(".0").unwrap_or(field);
    match digits.parse::<u8>() {
        Ok(value) if value <= max => Ok(value),
        _ => Err(KdError::Row {
            line: line_number,
            message: format!("invalid value {field:?}: expected an integer from 0 to {max}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(pixel: &str, label: &str) -> String {
        let mut fields = vec![pixel; FEATURES];
        fields.push(label);
        fields.join(",")
    }

    #[test]
    fn parses_scaled_pixels_and_label() {
        let digits = Digits::from_csv(&row("16", "7")).unwrap();
        assert_eq!(digits.labels, vec![7]);
        assert_eq!(digits.images[[0, 63]], 1.0);
    }

    #[test]
    fn rejects_pixel_above_sixteen() {
        let err = Digits::from_csv(&format!("{}\n{}", row("1", "1"), row("17", "2"))).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 2"), "{text}");
        assert!(text.contains("\"17\""), "{text}");
    }

    #[test]
    fn rejects_short_row() {
        let err = Digits::from_csv("1,2,3").unwrap_err();
        assert!(err.to_string().contains("expected 65 fields, found 3"));
    }

    #[test]
    fn rejects_empty_text() {
        assert!(matches!(Digits::from_csv("\n"), Err(KdError::EmptyData)));
    }
}
