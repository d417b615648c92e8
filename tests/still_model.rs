//! Checks of the ethanol-water model against measured data and against the
//! closed forms that hold for a constant relative volatility.

use distill::demo::still::column::{
    self, Design, OperatingLines, Reflux, Unreachable, minimum_reflux, plates_needed, solve,
    step_up_total_reflux,
};
use distill::demo::still::perry::{ETHANOL_BOILING_POINT_C, PERRY_1963, WATER_BOILING_POINT_C};
use distill::demo::still::rayleigh::{rayleigh_closed_form, still_composition};
use distill::demo::still::{
    BoilingCurve, ConstantVolatility, DemoInput, Equilibrium, PerryTable, StillError, VanLaar,
    azeotrope, mass_to_mole, mole_to_mass, run,
};

const GRID: usize = 10_000;

fn grid() -> impl Iterator<Item = f64> {
    (0..=GRID).map(|i| i as f64 / GRID as f64)
}

/// Fenske's minimum number of stages between distillate `xd` and bottoms `xb`.
fn fenske_stages(alpha: f64, xd: f64, xb: f64) -> f64 {
    ((xd / (1.0 - xd)) * ((1.0 - xb) / xb)).ln() / alpha.ln()
}

#[test]
fn measured_curve_passes_through_rows() {
    let table = PerryTable::new();
    for row in PERRY_1963 {
        assert!(
            (table.vapour(row.x) - row.y).abs() < 1e-12,
            "y at x = {}",
            row.x
        );
        let temperature = table.bubble_point_c(row.x);
        assert!(
            (temperature - row.temperature_c).abs() < 1e-9,
            "T at x = {}",
            row.x
        );
    }
}

#[test]
fn measured_curve_ends_at_pure_components() {
    let table = PerryTable::new();
    assert_eq!(table.vapour(0.0), 0.0);
    assert_eq!(table.vapour(1.0), 1.0);
    assert_eq!(table.bubble_point_c(0.0), WATER_BOILING_POINT_C);
    assert_eq!(table.bubble_point_c(1.0), ETHANOL_BOILING_POINT_C);
}

#[test]
fn measured_vapour_curve_is_monotone() {
    let table = PerryTable::new();
    let values: Vec<f64> = grid().map(|x| table.vapour(x)).collect();
    for (i, pair) in values.windows(2).enumerate() {
        assert!(
            pair[1] >= pair[0],
            "y decreases after x = {}",
            i as f64 / GRID as f64
        );
    }
}

#[test]
fn measured_bubble_point_falls_to_azeotrope() {
    let table = PerryTable::new();
    let azeotrope_x = 0.8943;
    let temperatures: Vec<(f64, f64)> = grid().map(|x| (x, table.bubble_point_c(x))).collect();
    for pair in temperatures.windows(2) {
        let ((x0, t0), (x1, t1)) = (pair[0], pair[1]);
        if x1 <= azeotrope_x {
            assert!(t1 <= t0, "T rises between x = {x0} and {x1}");
        } else if x0 >= azeotrope_x {
            assert!(t1 >= t0, "T falls between x = {x0} and {x1}");
        }
    }
    let minimum = temperatures
        .iter()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min);
    assert!((minimum - 78.15).abs() < 1e-3);
}

#[test]
fn measured_liquid_inverts_vapour() {
    let table = PerryTable::new();
    for x in [0.001, 0.05, 0.3, 0.6, 0.85, 0.95, 0.999] {
        assert!((table.liquid(table.vapour(x)) - x).abs() < 1e-10, "x = {x}");
    }
}

#[test]
fn azeotrope_is_where_vapour_equals_liquid() {
    let table = PerryTable::new();
    let x = azeotrope(&table).unwrap();
    assert!((x - 0.8943).abs() < 1e-9, "azeotrope at {x}");
    assert!((table.vapour(x) - x).abs() < 1e-9);
    assert!((table.bubble_point_c(x) - 78.15).abs() < 1e-6);
}

#[test]
fn vapour_richer_only_below_azeotrope() {
    let table = PerryTable::new();
    for x in grid().filter(|&x| x > 0.0 && x < 1.0) {
        let excess = table.vapour(x) - x;
        if x < 0.8942 {
            assert!(excess > 0.0, "y <= x at x = {x}");
        } else if x > 0.8944 {
            assert!(excess < 0.0, "y >= x at x = {x}");
        }
    }
}

#[test]
fn van_laar_agrees_with_measured_rows() {
    for row in PERRY_1963 {
        let (temperature, y) = VanLaar::bubble_point(row.x);
        assert!(
            (y - row.y).abs() < 0.012,
            "y at x = {}: {y} vs {}",
            row.x,
            row.y
        );
        let error = (temperature - row.temperature_c).abs();
        assert!(
            error < 0.6,
            "T at x = {}: {temperature} vs {}",
            row.x,
            row.temperature_c
        );
    }
}

#[test]
fn van_laar_azeotrope_near_measured() {
    let x = azeotrope(&VanLaar).unwrap();
    assert!((x - 0.8943).abs() < 0.025, "azeotrope at {x}");
    assert!((VanLaar.bubble_point_c(x) - 78.15).abs() < 0.1);
}

#[test]
fn van_laar_pure_boiling_points() {
    assert!((VanLaar.bubble_point_c(0.0) - 100.0).abs() < 0.05);
    assert!((VanLaar.bubble_point_c(1.0) - 78.37).abs() < 0.1);
}

#[test]
fn rayleigh_matches_closed_form() {
    for alpha in [1.5, 2.5, 6.0] {
        let curve = ConstantVolatility { alpha };
        for x0 in [0.1, 0.5, 0.9] {
            for fraction in [0.1, 0.5, 0.9, 0.99] {
                let x = still_composition(&curve, x0, fraction);
                let expected = -(1.0_f64 - fraction).ln();
                let closed = rayleigh_closed_form(alpha, x0, x);
                let message = format!("alpha {alpha}, x0 {x0}, fraction {fraction}");
                assert!(
                    (closed - expected).abs() < 1e-7,
                    "{message}: {closed} vs {expected}"
                );
            }
        }
    }
}

#[test]
fn rayleigh_still_leans_as_it_boils() {
    let table = PerryTable::new();
    let mut previous = 0.3;
    for fraction in [0.1, 0.3, 0.5, 0.7] {
        let x = still_composition(&table, 0.3, fraction);
        assert!(x < previous, "still did not lose ethanol at {fraction}");
        previous = x;
    }
}

#[test]
fn total_reflux_matches_fenske() {
    for alpha in [1.3, 2.0, 4.0] {
        let curve = ConstantVolatility { alpha };
        for stages in [1, 3, 10, 25] {
            let bottom = 0.02;
            let top = step_up_total_reflux(&curve, bottom, stages);
            let fenske = fenske_stages(alpha, top, bottom);
            assert!(
                (fenske - stages as f64).abs() < 1e-9,
                "alpha {alpha}, {stages} stages"
            );
        }
    }
}

#[test]
fn solved_total_reflux_column_obeys_fenske() {
    let curve = ConstantVolatility { alpha: 2.5 };
    for plates in [0, 4, 12] {
        let profile = solve(&curve, 0.4, plates, Reflux::Total);
        let fenske = fenske_stages(2.5, profile.distillate(), profile.bottoms());
        assert!(
            (fenske - f64::from(plates + 1)).abs() < 1e-6,
            "{plates} plates: {fenske}"
        );
    }
}

#[test]
fn total_reflux_design_rounds_fenske_up() {
    let alpha = 2.5;
    let curve = ConstantVolatility { alpha };
    let (feed, target) = (0.4, 0.95);
    let bottoms = (feed - feed * target) / (1.0 - feed);
    let stages = fenske_stages(alpha, target, bottoms).ceil() as u32;
    let design = plates_needed(&curve, feed, Reflux::Total, target).unwrap();
    assert_eq!(design, Design::Reachable { plates: stages - 1 });
}

#[test]
fn minimum_reflux_matches_underwood() {
    let alpha = 2.5;
    let curve = ConstantVolatility { alpha };
    let (feed, distillate) = (0.4, 0.9);
    let lines = OperatingLines {
        reflux: Reflux::Total,
        feed,
        distillate,
        bottoms: (feed - feed * distillate) / (1.0 - feed),
        distillate_ratio: feed,
    };
    // Underwood for a saturated-liquid feed and constant alpha: the pinch is at the feed.
    let underwood = (distillate / feed - alpha * (1.0 - distillate) / (1.0 - feed)) / (alpha - 1.0);
    let computed = minimum_reflux(&curve, &lines);
    assert!(
        (computed - underwood).abs() < 1e-6,
        "{computed} vs {underwood}"
    );
}

#[test]
fn reflux_below_minimum_is_unreachable() {
    let table = PerryTable::new();
    let design = plates_needed(&table, 0.1, Reflux::Ratio(1.0), 0.85).unwrap();
    let Design::Unreachable(Unreachable::BelowMinimumReflux { minimum_reflux }) = design else {
        panic!("expected a pinch, got {design:?}");
    };
    assert!(minimum_reflux > 1.0);
    let above = plates_needed(&table, 0.1, Reflux::Ratio(minimum_reflux * 1.05), 0.85).unwrap();
    assert!(matches!(above, Design::Reachable { plates } if plates > 10));
}

#[test]
fn no_plates_pass_azeotrope() {
    let table = PerryTable::new();
    let limit = azeotrope(&table).unwrap();
    for plates in [0, 1, 5, 20, 60, 200] {
        for reflux in [Reflux::Ratio(1.0), Reflux::Ratio(50.0), Reflux::Total] {
            let profile = solve(&table, 0.1, plates, reflux);
            let distillate = profile.distillate();
            assert!(
                distillate <= limit + 1e-12,
                "{plates} plates, {reflux}: {distillate}"
            );
        }
    }
}

#[test]
fn target_beyond_azeotrope_is_unreachable() {
    let table = PerryTable::new();
    for target in [0.8943, 0.9, 0.99, 1.0] {
        let design = plates_needed(&table, 0.1, Reflux::Total, target).unwrap();
        assert!(
            matches!(
                design,
                Design::Unreachable(Unreachable::BeyondAzeotrope { .. })
            ),
            "target {target}: {design:?}"
        );
    }
}

#[test]
fn more_plates_richer_distillate() {
    let table = PerryTable::new();
    let mut previous = 0.0;
    for plates in [0, 1, 2, 4, 8, 16, 32] {
        let distillate = solve(&table, 0.1, plates, Reflux::Ratio(3.0)).distillate();
        assert!(
            distillate > previous,
            "{plates} plates: {distillate} <= {previous}"
        );
        previous = distillate;
    }
}

#[test]
fn more_reflux_richer_distillate() {
    let table = PerryTable::new();
    let mut previous = 0.0;
    for reflux in [
        Reflux::Ratio(0.5),
        Reflux::Ratio(2.0),
        Reflux::Ratio(8.0),
        Reflux::Total,
    ] {
        let distillate = solve(&table, 0.1, 8, reflux).distillate();
        assert!(
            distillate > previous,
            "{reflux}: {distillate} <= {previous}"
        );
        previous = distillate;
    }
}

#[test]
fn column_closes_ethanol_balance() {
    let table = PerryTable::new();
    let profile = solve(&table, 0.2, 6, Reflux::Ratio(2.0));
    let d = profile.lines.distillate_ratio;
    let balance = d * profile.distillate() + (1.0 - d) * profile.bottoms();
    assert!((balance - 0.2).abs() < 1e-9);
    let reboiler = profile.stages.last().unwrap().liquid;
    assert!((reboiler - profile.bottoms()).abs() < 1e-6);
}

#[test]
fn plate_temperatures_rise_down_column() {
    let report = run(&PerryTable::new(), &DemoInput::default()).unwrap();
    let temperatures = &report.plate_temperatures_c;
    assert_eq!(temperatures.len(), 8);
    for pair in temperatures.windows(2) {
        assert!(pair[1] > pair[0], "{temperatures:?}");
    }
    assert!(report.bottoms.temperature_c > *temperatures.last().unwrap());
    assert!(report.distillate.temperature_c < temperatures[0]);
}

#[test]
fn fractional_beats_simple_first_drop() {
    let report = run(&PerryTable::new(), &DemoInput::default()).unwrap();
    let first_drop = report.simple[0].distillate_average.mole_fraction;
    assert!(report.distillate.composition.mole_fraction > first_drop);
}

#[test]
fn mass_and_mole_fractions_round_trip() {
    for x in grid() {
        assert!(
            (mass_to_mole(mole_to_mass(x)) - x).abs() < 1e-12,
            "mole {x}"
        );
        assert!(
            (mole_to_mass(mass_to_mole(x)) - x).abs() < 1e-12,
            "mass {x}"
        );
    }
}

#[test]
fn azeotrope_by_mass_is_95_6_percent() {
    assert!((mole_to_mass(0.8943) - 0.956).abs() < 5e-4);
    assert!((mass_to_mole(0.956) - 0.8943).abs() < 1e-3);
}

#[test]
fn feed_outside_range_is_rejected() {
    let table = PerryTable::new();
    for feed in [0.0, -0.1, 0.8943, 0.95, f64::NAN] {
        let input = DemoInput {
            feed,
            ..DemoInput::default()
        };
        assert!(run(&table, &input).is_err(), "feed {feed}");
    }
}

#[test]
fn too_many_plates_is_rejected() {
    let input = DemoInput {
        plates: 201,
        ..DemoInput::default()
    };
    assert_eq!(
        run(&PerryTable::new(), &input).unwrap_err(),
        StillError::TooManyPlates(201)
    );
}

#[test]
fn reflux_parses_total_and_ratio() {
    assert_eq!("total".parse::<Reflux>().unwrap(), Reflux::Total);
    assert_eq!(" Total ".parse::<Reflux>().unwrap(), Reflux::Total);
    assert_eq!("2.5".parse::<Reflux>().unwrap(), Reflux::Ratio(2.5));
    for bad in ["0", "-1", "inf", "NaN", "three", ""] {
        assert!(bad.parse::<Reflux>().is_err(), "{bad:?}");
    }
}

#[test]
fn feed_check_names_azeotrope() {
    let error = column::check_feed(&PerryTable::new(), 0.9).unwrap_err();
    assert!(error.to_string().contains("azeotrope"), "{error}");
}
