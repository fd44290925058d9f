//! The slides of a review meeting on the built-in sample: which slides there are, what they
//! say, the presenter's choice, and the exported PDF and PNGs.

use std::path::{Path, PathBuf};

use chitieu::deck::{self, Content, Deck};
use chitieu::io::{ImportOptions, load_path};
use chitieu::model::{Document, IndicatorRef, SlideChoice, SlideKind, SlideRef, Status};
use chitieu::report::Language;

fn sample() -> Document {
    let mut document = Document::default();
    for name in ["bvcste-2016-2020.xlsx", "binh-dang-gioi-2011-2020.csv"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/samples")
            .join(name);
        let loaded = load_path(&path, &ImportOptions::default()).unwrap();
        document.strategies.extend(loaded.strategies);
    }
    document
}

fn out_folder(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[test]
fn the_sample_has_each_strategys_slides_then_the_comparison() {
    let document = sample();
    let usual = deck::usual_slides(&document);
    let kinds: Vec<(SlideKind, &str, &str)> = usual
        .iter()
        .map(|slide| (slide.kind, slide.strategy.as_str(), slide.goal.as_str()))
        .collect();
    // Goal IV holds only the budget line, which is not an indicator: it has no slide.
    assert_eq!(
        &kinds[..6],
        [
            (SlideKind::Title, "BVCSTE", ""),
            (SlideKind::Headline, "BVCSTE", ""),
            (SlideKind::Goal, "BVCSTE", "I"),
            (SlideKind::Goal, "BVCSTE", "II"),
            (SlideKind::Goal, "BVCSTE", "III"),
            (SlideKind::NotMet, "BVCSTE", ""),
        ]
    );
    assert_eq!(kinds[6], (SlideKind::Title, "BDG", ""));
    assert_eq!(kinds.last().unwrap().0, SlideKind::Compare);

    let slides = deck::build(&document, &[]);
    assert_eq!(slides.len(), usual.len());
    let Content::Headline(results) = &slides[1].content else {
        panic!("the second slide is the headline");
    };
    assert_eq!((results.achieved, results.total), (12, 14));
    assert_eq!(results.period, Some(2020));
    assert_eq!(
        deck::title(Language::Vi, &slides[1]),
        "Kết quả chung năm 2020"
    );
    assert_eq!(deck::kicker(Language::En, &slides[1]), "BVCSTE · year 2020");
    let budget = &results.budget[0];
    assert_eq!(
        deck::budget_headline(Language::Vi, budget),
        "Kinh phí: 275 % kế hoạch"
    );

    let not_met = slides
        .iter()
        .find(|slide| slide.key.kind == SlideKind::NotMet && slide.key.strategy == "BVCSTE")
        .unwrap();
    let Content::NotMet { lines, .. } = &not_met.content else {
        panic!("not a not-met slide");
    };
    let codes: Vec<&str> = lines.iter().map(|line| line.code.as_str()).collect();
    assert_eq!(codes, ["4", "5"]);
    assert_eq!(deck::title(Language::En, not_met), "Indicators not met (2)");
    let birth = lines[0].indicator(&document).unwrap();
    let [actual, target, gap] = deck::figures_text(Language::Vi, birth, 2020);
    assert_eq!((actual.as_str(), target.as_str()), ("89,6 %", "95 %"));
    assert!(
        gap.ends_with("5,4 điểm %") && !gap.starts_with('+'),
        "{gap}"
    );
    let communes = lines[1].indicator(&document).unwrap();
    assert_eq!(
        deck::figures_text(Language::En, communes, 2020)[0],
        "76/145 = 52.4 %"
    );

    let Content::Compare(columns) = &slides.last().unwrap().content else {
        panic!("the last slide compares the strategies");
    };
    let headlines: Vec<(usize, usize)> = columns
        .iter()
        .map(|results| (results.achieved, results.total))
        .collect();
    assert_eq!(headlines, [(12, 14), (6, 12)]);
}

#[test]
fn the_presenters_choice_orders_hides_and_leaves_out() {
    let mut document = sample();
    let compare = SlideRef {
        kind: SlideKind::Compare,
        strategy: String::new(),
        goal: String::new(),
    };
    let bvcste_title = SlideRef {
        kind: SlideKind::Title,
        strategy: "BVCSTE".into(),
        goal: String::new(),
    };
    document.presentation.slides = vec![
        SlideChoice {
            slide: compare.clone(),
            shown: true,
        },
        SlideChoice {
            slide: bvcste_title,
            shown: false,
        },
    ];
    document.presentation.hidden_indicators = vec![IndicatorRef {
        strategy: "BVCSTE".into(),
        indicator: "4".into(),
    }];
    let slides = deck::build(&document, &[]);
    assert_eq!(slides[0].key, compare, "the presenter's order comes first");
    assert_eq!(
        slides[1].key.kind,
        SlideKind::Headline,
        "the title is left out"
    );
    let Content::Headline(results) = &slides[1].content else {
        panic!("headline expected");
    };
    assert_eq!(
        (results.achieved, results.total, results.hidden),
        (12, 13, 1)
    );
    assert_eq!(
        deck::hidden_note(Language::Vi, results),
        "Không tính 1 chỉ tiêu ẩn"
    );
    let not_met = slides
        .iter()
        .find_map(|slide| match &slide.content {
            Content::NotMet { results, lines } if results.code == "BVCSTE" => Some(lines),
            _ => None,
        })
        .unwrap();
    assert_eq!(not_met.len(), 1);
    assert_eq!(not_met[0].status, Status::NotMet);
    // Every slide of the document stays in the chooser, left-out ones too.
    assert_eq!(
        deck::choices(&document).len(),
        deck::usual_slides(&document).len()
    );
}

#[test]
fn the_pdf_has_a_page_per_slide_and_renders() {
    let document = sample();
    let slides = deck::build(&document, &[]);
    let deck = Deck {
        slides: &slides,
        document: &document,
        language: Language::Vi,
    };
    let bytes = deck::pdf(&deck).unwrap();
    let folder = out_folder("deck-pdf");
    let path = folder.join("slides.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let parsed = lopdf::Document::load_mem(&bytes).unwrap();
    assert_eq!(parsed.get_pages().len(), slides.len());

    // Where poppler is installed, every page must render.
    let rendered = std::process::Command::new("pdftoppm")
        .arg("-png")
        .arg("-r")
        .arg("20")
        .arg(&path)
        .arg(folder.join("page"))
        .status();
    if let Ok(status) = rendered {
        assert!(status.success(), "pdftoppm failed on the deck");
        let pages = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().starts_with("page"))
            .count();
        assert_eq!(pages, slides.len());
    }
}

#[test]
fn pngs_are_numbered_and_full_hd() {
    let document = sample();
    let slides = deck::build(&document, &[]);
    let deck = Deck {
        slides: &slides,
        document: &document,
        language: Language::En,
    };
    let folder = out_folder("deck-png");
    let written = deck::write_pngs(&deck, &folder, "review", 1920).unwrap();
    assert_eq!(written.len(), slides.len());
    assert!(written[0].ends_with("review-01.png"));
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&written[2]).unwrap(),
    ));
    let info = decoder.read_info().unwrap();
    assert_eq!((info.info().width, info.info().height), (1920, 1080));
}

#[test]
fn targets_are_written_in_words() {
    use chitieu::model::{Comparator, Target, Unit};
    let target = |value, comparator| Target {
        value,
        comparator,
        text: "".into(),
        origin: None,
    };
    let percent = Unit::parse("%");
    let children = Unit::parse("trẻ em");
    assert_eq!(
        deck::target_words(
            Language::Vi,
            &target(95.0, Some(Comparator::AtLeast)),
            &percent
        ),
        "từ 95 % trở lên"
    );
    assert_eq!(
        deck::target_words(
            Language::En,
            &target(10.0, Some(Comparator::LessThan)),
            &percent
        ),
        "below 10 %"
    );
    assert_eq!(
        deck::target_words(
            Language::Vi,
            &target(600.0, Some(Comparator::AtMost)),
            &children
        ),
        "không quá 600 trẻ em"
    );
    assert_eq!(
        deck::target_words(
            Language::En,
            &target(40.0, Some(Comparator::Range { max: 60.0 })),
            &percent
        ),
        "40–60 %"
    );
    assert_eq!(
        deck::target_words(Language::Vi, &target(50_000.0, None), &children),
        "50.000 trẻ em"
    );
}
