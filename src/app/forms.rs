//! Small forms and questions in modal windows: a new or renamed goal, a new period, a
//! strategy's code, name and span; the unsaved-changes question before data would be lost; the
//! offer to restore the work a crash interrupted.

use eframe::egui::{self, RichText};

use crate::app::{fonts, i18n, theme};
use crate::edit::Edit;
use crate::model::{Goal, Indicator, Period, PeriodValue, Strategy};
use crate::recovery::Snapshot;
use crate::report::Language;

/// A form being filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// A new goal (with an empty indicator under it, so that it shows), or a goal renamed.
    Goal {
        /// The strategy's index.
        strategy: usize,
        /// The goal renamed; `None` for a new goal.
        index: Option<usize>,
        /// Code as typed.
        code: String,
        /// Name as typed.
        name: String,
        /// Why the last try was refused.
        error: Option<String>,
    },
    /// A new period (a year or milestone) for every indicator of a strategy.
    Period {
        /// The strategy's index.
        strategy: usize,
        /// The year as typed.
        year: String,
        /// Why the last try was refused.
        error: Option<String>,
    },
    /// A strategy's code, name and span.
    Strategy {
        /// The strategy's index.
        strategy: usize,
        /// Code as typed.
        code: String,
        /// Name as typed.
        name: String,
        /// First year as typed.
        from: String,
        /// Last year as typed.
        to: String,
        /// Why the last try was refused.
        error: Option<String>,
    },
}

impl Form {
    /// The form for a new goal of `strategy`, with a code that follows the last goal's.
    #[must_use]
    pub fn new_goal(index: usize, strategy: &Strategy) -> Self {
        Self::Goal {
            strategy: index,
            index: None,
            code: next_goal_code(strategy),
            name: String::new(),
            error: None,
        }
    }

    /// The form to rename goal `goal` of `strategy`.
    #[must_use]
    pub fn edit_goal(index: usize, strategy: &Strategy, goal: usize) -> Option<Self> {
        let found = strategy.goals.get(goal)?;
        Some(Self::Goal {
            strategy: index,
            index: Some(goal),
            code: found.code.clone(),
            name: found.name.clone(),
            error: None,
        })
    }

    /// The form for a new period, proposing the year after the last.
    #[must_use]
    pub fn new_period(index: usize, strategy: &Strategy) -> Self {
        let year = strategy
            .periods()
            .last()
            .map(|last| last + 1)
            .or_else(|| strategy.span.map(|(_, to)| to))
            .map(|year| year.to_string())
            .unwrap_or_default();
        Self::Period {
            strategy: index,
            year,
            error: None,
        }
    }

    /// The form for a strategy's code, name and span.
    #[must_use]
    pub fn strategy_info(index: usize, strategy: &Strategy) -> Self {
        Self::Strategy {
            strategy: index,
            code: strategy.code.clone(),
            name: strategy.name.clone(),
            from: strategy
                .span
                .map(|(from, _)| from.to_string())
                .unwrap_or_default(),
            to: strategy
                .span
                .map(|(_, to)| to.to_string())
                .unwrap_or_default(),
            error: None,
        }
    }

    /// Shows why the last try was refused; the form stays open with what was typed.
    pub fn set_error(&mut self, message: String) {
        match self {
            Self::Goal { error, .. }
            | Self::Period { error, .. }
            | Self::Strategy { error, .. } => {
                *error = Some(message);
            }
        }
    }

    /// The strategy the form is about.
    #[must_use]
    pub fn strategy(&self) -> usize {
        match self {
            Self::Goal { strategy, .. }
            | Self::Period { strategy, .. }
            | Self::Strategy { strategy, .. } => *strategy,
        }
    }
}

/// "I" → "II", "MT2" → "MT3", none → "I".
fn next_goal_code(strategy: &Strategy) -> String {
    const ROMAN: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    let taken = |code: &str| strategy.goal(code).is_some();
    let Some(last) = strategy.goals.last() else {
        return "I".to_owned();
    };
    if let Some(at) = ROMAN.iter().position(|roman| *roman == last.code)
        && let Some(next) = ROMAN.get(at + 1)
        && !taken(next)
    {
        return (*next).to_owned();
    }
    let digits = last.code.len()
        - last
            .code
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
    let (stem, number) = last.code.split_at(last.code.len() - digits);
    let mut number: u32 = number.parse().unwrap_or(0);
    loop {
        number += 1;
        let code = format!("{stem}{number}");
        if !taken(&code) {
            return code;
        }
    }
}

/// What a form's window gave this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum FormOutcome {
    /// Still being filled in.
    Open,
    /// Closed without a change.
    Cancelled,
    /// The change to apply; if it cannot be applied the form stays open with the reason.
    Submit(Edit),
}

/// An empty indicator for `strategy`, in `goal`, with an empty value for each of its periods so
/// that it shows in every period's table.
#[must_use]
pub fn empty_indicator(strategy: &Strategy, goal: Option<String>) -> Indicator {
    Indicator {
        goal,
        values: strategy
            .periods()
            .into_iter()
            .map(PeriodValue::new)
            .collect(),
        ..Indicator::default()
    }
}

/// Reads a year typed in a form.
fn year(text: &str, language: Language) -> Result<Option<Period>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<Period>()
        .ok()
        .filter(|year| (1900..2200).contains(year))
        .map(Some)
        .ok_or_else(|| {
            i18n::texts(language)
                .edit
                .not_a_year
                .replace("{text}", text)
        })
}

/// Draws the form in a modal window.
pub fn form_ui(
    ctx: &egui::Context,
    form: &mut Form,
    document_strategy: Option<&Strategy>,
    language: Language,
) -> FormOutcome {
    let texts = &i18n::texts(language).edit;
    let common = i18n::texts(language);
    let Some(strategy) = document_strategy else {
        return FormOutcome::Cancelled;
    };
    let mut outcome = FormOutcome::Open;
    let modal = egui::Modal::new(egui::Id::unique("chitieu_form")).show(ctx, |ui| {
        ui.set_width(520.0);
        let mut submit = false;
        let (title, error) = match form {
            Form::Goal { index, error, .. } => (
                if index.is_some() {
                    texts.goal_title_edit
                } else {
                    texts.goal_title_new
                },
                error.clone(),
            ),
            Form::Period { error, .. } => (texts.period_title, error.clone()),
            Form::Strategy { error, .. } => (texts.strategy_title, error.clone()),
        };
        ui.heading(title);
        ui.label(
            RichText::new(format!("{} — {}", strategy.code, strategy.name)).color(theme::MUTED),
        );
        ui.add_space(6.0);
        let first_frame = ui.memory(|memory| memory.focused().is_none());
        egui::Grid::new("form_fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let mut field = |ui: &mut egui::Ui, label: &str, text: &mut String, first: bool| {
                    let label = ui.label(label);
                    let response = ui
                        .add(egui::TextEdit::singleline(text).desired_width(360.0))
                        .labelled_by(label.id);
                    if first && first_frame {
                        response.request_focus();
                    }
                    submit |=
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.end_row();
                };
                match form {
                    Form::Goal { code, name, .. } => {
                        field(ui, texts.code, code, false);
                        field(ui, texts.name, name, true);
                    }
                    Form::Period { year, .. } => field(ui, texts.year, year, true),
                    Form::Strategy {
                        code,
                        name,
                        from,
                        to,
                        ..
                    } => {
                        field(ui, texts.code, code, true);
                        field(ui, texts.name, name, false);
                        field(ui, texts.span_from, from, false);
                        field(ui, texts.span_to, to, false);
                    }
                }
            });
        if let Form::Period { .. } = form {
            ui.label(RichText::new(texts.period_hint).small().color(theme::MUTED));
        }
        if let Some(error) = error {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        ui.separator();
        ui.horizontal(|ui| {
            submit |= ui
                .button(RichText::new(texts.ok).family(fonts::bold()))
                .clicked();
            if ui.button(common.cancel).clicked() {
                outcome = FormOutcome::Cancelled;
            }
        });
        if submit {
            match edit_of(form, strategy, language) {
                Ok(edit) => outcome = FormOutcome::Submit(edit),
                Err(message) => form.set_error(message),
            }
        }
    });
    if modal.should_close() && outcome == FormOutcome::Open {
        outcome = FormOutcome::Cancelled;
    }
    outcome
}

/// The edit a filled-in form asks for, or why the form cannot be taken as it is.
fn edit_of(form: &Form, strategy: &Strategy, language: Language) -> Result<Edit, String> {
    let texts = &i18n::texts(language).edit;
    match form {
        Form::Goal {
            strategy: index,
            index: goal,
            code,
            name,
            ..
        } => {
            let code = crate::text::clean(code);
            if code.is_empty() {
                return Err(texts.code_needed.to_owned());
            }
            let new = Goal {
                code: code.clone(),
                name: crate::text::nfc(name.trim()),
            };
            Ok(match goal {
                Some(goal) => Edit::SetGoal {
                    strategy: *index,
                    index: *goal,
                    goal: new,
                },
                None => Edit::Batch(vec![
                    Edit::InsertGoal {
                        strategy: *index,
                        index: strategy.goals.len(),
                        goal: new,
                    },
                    Edit::InsertIndicator {
                        strategy: *index,
                        index: strategy.indicators.len(),
                        indicator: Box::new(empty_indicator(strategy, Some(code))),
                    },
                ]),
            })
        }
        Form::Period {
            strategy: index,
            year: typed,
            ..
        } => match year(typed, language)? {
            Some(period) => Ok(Edit::AddPeriod {
                strategy: *index,
                period,
            }),
            None => Err(texts.not_a_year.replace("{text}", typed.trim())),
        },
        Form::Strategy {
            strategy: index,
            code,
            name,
            from,
            to,
            ..
        } => {
            if crate::text::clean(code).is_empty() {
                return Err(texts.code_needed.to_owned());
            }
            let span = match (year(from, language)?, year(to, language)?) {
                (Some(from), Some(to)) if from > to => return Err(texts.span_order.to_owned()),
                (Some(from), Some(to)) => Some((from, to)),
                (None, None) => None,
                _ => return Err(texts.span_both.to_owned()),
            };
            Ok(Edit::SetStrategyInfo {
                index: *index,
                code: code.clone(),
                name: name.trim().to_owned(),
                span,
            })
        }
    }
}

/// What would be lost without a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Closing the app.
    Quit,
    /// Closing the strategy at this index.
    CloseStrategy(usize),
}

/// A question in a modal window.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Unsaved changes would be lost by `Pending`.
    Unsaved(Pending),
    /// A journal from a session that did not end cleanly can be restored.
    Recover(Box<Snapshot>),
}

/// The answer to a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Not answered yet.
    Open,
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do not go on.
    Cancel,
    /// Restore the journal.
    Restore,
    /// Delete the journal.
    DiscardRecovery,
}

/// Draws a prompt; `strategy_code` names the strategy a close would lose.
pub fn prompt_ui(
    ctx: &egui::Context,
    prompt: &Prompt,
    strategy_code: Option<&str>,
    language: Language,
) -> Answer {
    let texts = &i18n::texts(language).edit;
    let common = i18n::texts(language);
    let mut answer = Answer::Open;
    let modal = egui::Modal::new(egui::Id::unique("chitieu_prompt")).show(ctx, |ui| {
        ui.set_width(540.0);
        match prompt {
            Prompt::Unsaved(pending) => {
                ui.heading(texts.unsaved_title);
                let question = match pending {
                    Pending::Quit => texts.unsaved_quit.to_owned(),
                    Pending::CloseStrategy(_) => texts
                        .unsaved_close
                        .replace("{code}", strategy_code.unwrap_or_default()),
                };
                ui.add(egui::Label::new(question).wrap());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(texts.save_first).family(fonts::bold()))
                        .clicked()
                    {
                        answer = Answer::Save;
                    }
                    if ui.button(texts.discard).clicked() {
                        answer = Answer::Discard;
                    }
                    if ui.button(common.cancel).clicked() {
                        answer = Answer::Cancel;
                    }
                });
            }
            Prompt::Recover(snapshot) => {
                ui.heading(texts.recover_title);
                let codes: Vec<&str> = snapshot
                    .document
                    .strategies
                    .iter()
                    .map(|strategy| strategy.code.as_str())
                    .collect();
                let mut what = Vec::new();
                if let Some(file) = snapshot
                    .saved_path
                    .as_ref()
                    .and_then(|path| path.file_name())
                {
                    what.push(
                        texts
                            .recover_workbook
                            .replace("{file}", &file.to_string_lossy()),
                    );
                }
                what.push(
                    texts
                        .recover_strategies
                        .replace("{codes}", &codes.join(", ")),
                );
                ui.add(
                    egui::Label::new(
                        texts
                            .recover_body
                            .replace("{when}", &local_time(&snapshot.written))
                            .replace("{what}", &what.join(", ")),
                    )
                    .wrap(),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(texts.restore).family(fonts::bold()))
                        .clicked()
                    {
                        answer = Answer::Restore;
                    }
                    if ui.button(texts.discard_recovery).clicked() {
                        answer = Answer::DiscardRecovery;
                    }
                });
            }
        }
    });
    // Closing the question (Esc, a click beside it) is "Cancel". The offer to restore stays
    // until it is answered, so a stray click cannot lose it.
    if modal.should_close() && answer == Answer::Open && matches!(prompt, Prompt::Unsaved(_)) {
        answer = Answer::Cancel;
    }
    answer
}

/// An ISO 8601 UTC time as local time, "2026-11-29 18:30"; the text itself when it is not one.
fn local_time(written: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(written).map_or_else(
        |_| written.to_owned(),
        |time| {
            time.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_codes_follow_the_last() {
        let mut strategy = Strategy::default();
        assert_eq!(next_goal_code(&strategy), "I");
        strategy.goals.push(Goal {
            code: "II".into(),
            name: String::new(),
        });
        assert_eq!(next_goal_code(&strategy), "III");
        strategy.goals.push(Goal {
            code: "MT2".into(),
            name: String::new(),
        });
        assert_eq!(next_goal_code(&strategy), "MT3");
    }

    #[test]
    fn forms_check_what_was_typed() {
        let strategy = Strategy {
            code: "X".into(),
            ..Strategy::default()
        };
        let mut form = Form::strategy_info(0, &strategy);
        if let Form::Strategy { from, .. } = &mut form {
            *from = "2016".into();
        }
        let error = edit_of(&form, &strategy, Language::En).unwrap_err();
        assert!(error.contains("both"), "{error}");
        if let Form::Strategy { to, .. } = &mut form {
            *to = "2011".into();
        }
        let error = edit_of(&form, &strategy, Language::Vi).unwrap_err();
        assert!(error.contains("Năm kết thúc"), "{error}");
        let form = Form::Period {
            strategy: 0,
            year: "năm sau".into(),
            error: None,
        };
        assert!(edit_of(&form, &strategy, Language::Vi).is_err());
        let form = Form::new_goal(0, &strategy);
        assert!(matches!(
            edit_of(&form, &strategy, Language::Vi),
            Ok(Edit::Batch(edits)) if edits.len() == 2
        ));
    }
}
