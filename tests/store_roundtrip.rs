//! Saving to chitieu's workbook and opening it again gives back the same document: for the
//! shared samples and for generated documents.

use std::path::PathBuf;

use chitieu::io::{ImportOptions, load_bytes, load_path};
use chitieu::model::{
    Actual, Assessment, Baseline, Breakdown, BudgetLine, CellRef, ChangeRecord, Comparator,
    Direction, Document, Goal, Indicator, IndicatorRef, Measure, PeriodValue, Presentation,
    Sentence, SlideChoice, SlideKind, SlideRef, Strategy as Programme, Target, Unit, Warning,
};
use chitieu::store::{from_xlsx, to_xlsx};
use proptest::prelude::*;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")).join(name)
}

fn document_of(names: &[&str]) -> Document {
    let mut document = Document::default();
    for name in names {
        let loaded = load_path(&sample(name), &ImportOptions::default()).unwrap();
        document.strategies.extend(loaded.strategies);
        document.warnings.extend(loaded.warnings);
    }
    document
}

#[test]
fn samples_round_trip() {
    let document = document_of(&[
        "bvcste-2016-2020.xlsx",
        "binh-dang-gioi-2011-2020.csv",
        "indicators-long.csv",
    ]);
    let bytes = to_xlsx(&document, "saved.xlsx").unwrap();
    let back = from_xlsx("saved.xlsx", &bytes).unwrap();
    assert_eq!(back, document);
}

#[test]
fn saved_workbook_opens_with_no_detection() {
    let document = document_of(&["bvcste-2016-2020.xlsx"]);
    let bytes = to_xlsx(&document, "saved.xlsx").unwrap();
    let loaded = load_bytes("saved.xlsx", &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(loaded.strategies, document.strategies);
    assert!(loaded.decisions[0].contains("saved by chitieu"));
    assert!(loaded.saved_workbook);
    let imported = load_path(&sample("bvcste-2016-2020.xlsx"), &ImportOptions::default()).unwrap();
    assert!(
        !imported.saved_workbook,
        "an imported workbook is not chitieu's own"
    );
    let summary = chitieu::analysis::summarize(&loaded.strategies[0], None);
    assert_eq!((summary.achieved(), summary.total), (12, 14));
}

#[test]
fn broken_saved_workbook_names_the_file() {
    let error = from_xlsx("garbage.xlsx", b"PK\x03\x04 not a zip").unwrap_err();
    assert!(error.to_string().contains("garbage.xlsx"), "{error}");
}

/// Text as people type it: Vietnamese letters, digits, punctuation and inner spaces.
fn words() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z0-9ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ%/.,;:()≥≤<> -]{1,24}")
        .expect("valid regex")
        .prop_map(|text| text.trim().to_owned())
        .prop_filter("not empty", |text| !text.is_empty())
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64),
        (-1e7f64..1e7f64),
        (0.0f64..1.0).prop_map(|x| (x * 1000.0).round() / 10.0),
    ]
}

fn origin() -> impl Strategy<Value = Option<CellRef>> {
    proptest::option::of(
        (
            words(),
            proptest::option::of(words()),
            1u32..100_000,
            0u32..16_384,
        )
            .prop_map(|(file, sheet, row, column)| {
                CellRef::new(file.replace('|', "/"), sheet.map(Into::into), row, column)
            }),
    )
}

fn comparator() -> impl Strategy<Value = Option<Comparator>> {
    proptest::option::of(prop_oneof![
        Just(Comparator::AtLeast),
        Just(Comparator::GreaterThan),
        Just(Comparator::AtMost),
        Just(Comparator::LessThan),
        Just(Comparator::Approximately),
        Just(Comparator::Equal),
        number().prop_map(|max| Comparator::Range { max }),
    ])
}

fn period_value(period: i32) -> impl Strategy<Value = PeriodValue> {
    let target = proptest::option::of((number(), comparator(), words(), origin()).prop_map(
        |(value, comparator, text, origin)| Target {
            value,
            comparator,
            text: text.into(),
            origin,
        },
    ));
    let measure = prop_oneof![
        number().prop_map(Measure::Number),
        (number(), number()).prop_map(|(numerator, denominator)| Measure::Ratio {
            numerator,
            denominator
        }),
    ];
    let actual = proptest::option::of((measure, any::<bool>(), words(), origin()).prop_map(
        |(measure, estimate, text, origin)| Actual {
            measure,
            estimate,
            text: text.into(),
            origin,
        },
    ));
    let assessment = proptest::option::of(
        (
            prop_oneof![
                Just("Vượt".to_owned()),
                Just("Chưa đạt".to_owned()),
                words()
            ],
            origin(),
        )
            .prop_map(|(text, origin)| Assessment::from_text(&text, origin)),
    );
    (
        target,
        actual,
        assessment,
        proptest::option::of(words()),
        proptest::option::of(words()),
    )
        .prop_map(
            move |(target, actual, assessment, unread_target, unread_actual)| {
                let mut value = PeriodValue {
                    period,
                    target,
                    actual,
                    assessment: assessment.map(Box::new),
                    ..PeriodValue::default()
                };
                value.set_unread_target(unread_target);
                value.set_unread_actual(unread_actual);
                value
            },
        )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let direction = prop_oneof![
        Just(Direction::Increase),
        Just(Direction::Decrease),
        Just(Direction::Range)
    ];
    let baseline = proptest::option::of(
        (number(), proptest::option::of(1990i32..2040), origin()).prop_map(
            |(value, year, origin)| Baseline {
                value,
                year,
                origin,
            },
        ),
    );
    let values = proptest::collection::btree_set(2000i32..2031, 0..4)
        .prop_flat_map(|periods| periods.into_iter().map(period_value).collect::<Vec<_>>());
    let part_values = proptest::collection::btree_set(2000i32..2031, 1..3)
        .prop_flat_map(|periods| periods.into_iter().map(period_value).collect::<Vec<_>>());
    let breakdown = proptest::collection::vec(
        (
            proptest::collection::vec((words(), words()), 1..3),
            part_values,
        )
            .prop_map(|(keys, values)| Breakdown { keys, values }),
        0..3,
    )
    .prop_map(|mut parts| {
        // Parts are told apart by their keys.
        let mut seen = Vec::new();
        parts.retain(|part| {
            let new = !seen.contains(&part.keys);
            seen.push(part.keys.clone());
            new
        });
        parts
    });
    (
        (words(), words(), proptest::option::of(words()), words()),
        (direction, baseline, any::<bool>(), values, breakdown),
        (
            proptest::option::of(words()),
            proptest::option::of(words()),
            origin(),
        ),
    )
        .prop_map(
            |(
                (code, name, goal, unit),
                (direction, baseline, cumulative, values, breakdown),
                (source, note, origin),
            )| {
                Indicator {
                    code,
                    name,
                    goal,
                    unit: Unit::parse(&unit),
                    direction,
                    baseline,
                    cumulative,
                    values,
                    breakdown,
                    source: source.unwrap_or_default(),
                    note: note.unwrap_or_default(),
                    origin,
                }
            },
        )
}

fn programme() -> impl Strategy<Value = Programme> {
    let goals = proptest::collection::vec(
        (words(), words()).prop_map(|(code, name)| Goal { code, name }),
        0..3,
    );
    let budget = proptest::collection::vec(
        (
            words(),
            words(),
            proptest::option::of(number()),
            proptest::option::of(number()),
            words(),
            origin(),
        )
            .prop_map(|(name, unit, planned, actual, source, origin)| BudgetLine {
                planned_text: planned.map(|p| p.to_string()).unwrap_or_default(),
                actual_text: actual.map(|a| a.to_string()).unwrap_or_default(),
                name,
                unit,
                planned,
                actual,
                source,
                origin,
            }),
        0..2,
    );
    (
        words(),
        words(),
        proptest::option::of((1990i32..2030, 0i32..20).prop_map(|(from, len)| (from, from + len))),
        goals,
        proptest::collection::vec(indicator(), 0..5),
        budget,
        words(),
    )
        .prop_map(
            |(code, name, span, goals, indicators, budget, source_file)| Programme {
                code,
                name,
                span,
                goals,
                indicators,
                budget,
                source_file,
            },
        )
}

fn presentation() -> impl Strategy<Value = Presentation> {
    let code = prop_oneof![Just(String::new()), words()];
    let slide = (
        proptest::sample::select(SlideKind::ALL.to_vec()),
        code.clone(),
        code,
        any::<bool>(),
    )
        .prop_map(|(kind, strategy, goal, shown)| SlideChoice {
            slide: SlideRef {
                kind,
                strategy,
                goal,
            },
            shown,
        });
    let hidden = (words(), words()).prop_map(|(strategy, indicator)| IndicatorRef {
        strategy,
        indicator,
    });
    (
        proptest::collection::vec(slide, 0..4),
        proptest::collection::vec(hidden, 0..3),
    )
        .prop_map(|(slides, hidden_indicators)| Presentation {
            slides,
            hidden_indicators,
        })
}

fn document() -> impl Strategy<Value = Document> {
    let warning = (origin(), words(), words()).prop_map(|(at, en, vi)| Warning {
        at: at.unwrap_or_default(),
        message: Sentence::new(en, vi),
    });
    let change = (words(), words(), words(), words(), words(), words()).prop_map(
        |(when, strategy, indicator, field, old, new)| ChangeRecord {
            when,
            strategy,
            indicator,
            field,
            old,
            new,
        },
    );
    (
        proptest::collection::vec(programme(), 0..3),
        proptest::collection::vec(warning, 0..3),
        proptest::collection::vec(change, 0..3),
        presentation(),
    )
        .prop_map(|(strategies, warnings, changes, presentation)| Document {
            strategies,
            warnings,
            changes,
            presentation,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_round_trip(document in document()) {
        let bytes = to_xlsx(&document, "generated.xlsx").unwrap();
        let back = from_xlsx("generated.xlsx", &bytes).unwrap();
        prop_assert_eq!(back, document);
    }
}
