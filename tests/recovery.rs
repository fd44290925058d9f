//! Crash recovery: a session killed mid-way leaves a journal from which every edit is restored.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use chitieu::analysis::summarize;
use chitieu::edit::{Edit, Field, History};
use chitieu::io::{ImportOptions, load_path};
use chitieu::model::Document;
use chitieu::parse::NumberFormat;
use chitieu::recovery::Journal;

const CHILD: &str = "CHITIEU_RECOVERY_CHILD_JOURNAL";

fn sample() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/bvcste-2016-2020.xlsx"
    ))
}

/// The child's part: open the sample, edit STT 4's actual result so it meets its target,
/// journal after each change as the app does, then wait to be killed.
#[test]
fn child_session() {
    let Ok(journal_path) = std::env::var(CHILD) else {
        return;
    };
    let journal = Journal::new(PathBuf::from(journal_path));
    let loaded = load_path(&sample(), &ImportOptions::default()).unwrap();
    let mut document = Document::default();
    let mut history = History::default();
    history.apply(
        &mut document,
        Edit::AddStrategies {
            strategies: loaded.strategies,
            warnings: loaded.warnings,
        },
    );
    journal.write(&document, None).unwrap();
    let stt4 = document.strategies[0]
        .indicators
        .iter()
        .position(|indicator| indicator.code == "4")
        .unwrap();
    history
        .try_apply(
            &mut document,
            Edit::SetField {
                strategy: 0,
                indicator: stt4,
                field: Field::Actual(2020),
                text: "95,5".into(),
                format: NumberFormat::DecimalComma,
            },
        )
        .unwrap();
    journal.write(&document, None).unwrap();
    println!("ready");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[test]
fn killed_session_is_restored() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let folder = std::env::temp_dir().join(format!("chitieu-recovery-{}", std::process::id()));
    let journal_path = folder.join("recovery.json");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_session",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, &journal_path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("ready"));
    child.kill().unwrap();
    let _ = child.wait();
    assert!(ready, "the child session did not get to its edit");

    let snapshot = Journal::new(journal_path)
        .read()
        .unwrap()
        .expect("a journal is left");
    let strategy = &snapshot.document.strategies[0];
    let summary = summarize(strategy, None);
    assert_eq!((summary.achieved(), summary.total), (13, 14));
    assert_eq!(snapshot.document.changes.len(), 1);
    assert_eq!(snapshot.document.changes[0].old, "89.6");
    assert_eq!(snapshot.document.changes[0].new, "95,5");
    std::fs::remove_dir_all(&folder).unwrap();
}
