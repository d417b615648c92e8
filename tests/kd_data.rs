//! The vendored digits file and the fixed train/test split.

use distill::demo::kd::data::CLASSES;
use distill::demo::kd::{Digits, KdError};
use sha2::{Digest, Sha256};

#[test]
fn vendored_file_matches_scikit_learn_checksum() {
    let bytes = std::fs::read("data/digits/digits.csv.gz").unwrap();
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"
    );
}

#[test]
fn embedded_has_1797_images() {
    let digits = Digits::embedded().unwrap();
    assert_eq!(digits.len(), 1797);
    assert_eq!(digits.images.ncols(), 64);
    let counts: Vec<usize> = digits.rows_by_class().iter().map(Vec::len).collect();
    assert_eq!(
        counts,
        vec![178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    );
}

#[test]
fn pixels_are_scaled_to_unit_range() {
    let digits = Digits::embedded().unwrap();
    let max = digits.images.fold(0.0_f32, |m, &v| m.max(v));
    let min = digits.images.fold(1.0_f32, |m, &v| m.min(v));
    assert_eq!(max, 1.0);
    assert_eq!(min, 0.0);
    // The first image's third pixel is 5 of 16 in the file.
    assert_eq!(digits.images[[0, 2]], 5.0 / 16.0);
    assert_eq!(digits.labels[0], 0);
}

#[test]
fn split_is_stratified_and_disjoint() {
    let split = Digits::embedded().unwrap().split();
    assert_eq!(split.train.len(), 1352);
    assert_eq!(split.test.len(), 445);
    let train = split.train.rows_by_class();
    let test = split.test.rows_by_class();
    for class in 0..CLASSES {
        let total = train[class].len() + test[class].len();
        assert_eq!(test[class].len(), total / 4, "class {class}");
    }
}

#[test]
fn split_is_fixed() {
    let digits = Digits::embedded().unwrap();
    assert_eq!(digits.split(), digits.split());
}

#[test]
fn labelled_rows_depend_on_seed() {
    let train = Digits::embedded().unwrap().split().train;
    let first = train.labelled_rows(5, 1).unwrap();
    assert_eq!(first.len(), 5 * CLASSES);
    assert_eq!(first, train.labelled_rows(5, 1).unwrap());
    assert_ne!(first, train.labelled_rows(5, 2).unwrap());
    let per_class = train.select(&first).rows_by_class();
    assert!(per_class.iter().all(|rows| rows.len() == 5));
}

#[test]
fn label_budget_above_class_size_is_rejected() {
    let train = Digits::embedded().unwrap().split().train;
    let err = train.labelled_rows(500, 1).unwrap_err();
    assert!(matches!(err, KdError::LabelBudget { requested: 500, .. }));
    assert!(err.to_string().contains("use at most"), "{err}");
}

#[test]
fn corrupt_gzip_is_an_error() {
    let err = Digits::from_csv_gz(b"not gzip").unwrap_err();
    assert!(matches!(err, KdError::Decompress(_)), "{err}");
}
