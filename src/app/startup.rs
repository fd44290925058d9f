//! Starting the window: the renderers to try in turn, and a message the user can act on when
//! none of them starts, instead of a crash or, on Windows, a program that silently vanishes.
//!
//! glow (OpenGL 2.0 or later) is tried first everywhere. On Windows, wgpu on Direct3D 12 comes
//! next: it also runs where OpenGL is missing or too old (Remote Desktop, the basic display
//! driver, old graphics chips), on Windows' own software rasteriser (WARP) if need be. On Linux,
//! Mesa provides OpenGL in software (llvmpipe) wherever there is a display, so glow is enough.
//! `CHITIEU_RENDERER=glow` or `CHITIEU_RENDERER=wgpu` (Windows) tries that one only.

use eframe::Renderer;

/// The environment variable that chooses one renderer.
const RENDERER_VARIABLE: &str = "CHITIEU_RENDERER";

/// The renderers this build has, in the order they are tried.
const RENDERERS: &[(&str, Renderer)] = &[
    ("glow", Renderer::Glow),
    #[cfg(windows)]
    ("wgpu", Renderer::Wgpu),
];

/// Why no window opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    /// No renderer could draw: OpenGL (and Direct3D 12 on Windows) missing or too old.
    Graphics,
    /// The window system refused: no display on Linux, or a window that could not be made.
    Display,
    /// Something else, e.g. the app failed while starting.
    Other,
}

/// Runs the app with each renderer in turn until one starts: `options` makes the window
/// settings for a renderer, `run` runs the app with them. When none starts, the reason and what
/// to do go to stderr and, on Windows, into a message box; the last error is returned.
pub fn run_with_fallback(
    options: impl Fn(Renderer) -> eframe::NativeOptions,
    mut run: impl FnMut(eframe::NativeOptions) -> eframe::Result,
) -> eframe::Result {
    let chosen = std::env::var(RENDERER_VARIABLE).ok();
    let renderers: Vec<Renderer> = RENDERERS
        .iter()
        .filter(|(name, _)| chosen.as_deref().is_none_or(|chosen| chosen == *name))
        .map(|(_, renderer)| *renderer)
        .collect();
    let renderers = if renderers.is_empty() {
        eprintln!(
            "chitieu: {RENDERER_VARIABLE}={} is not a renderer of this build; trying {}",
            chosen.unwrap_or_default(),
            renderer_names()
        );
        RENDERERS.iter().map(|(_, renderer)| *renderer).collect()
    } else {
        renderers
    };
    let last = renderers.len().saturating_sub(1);
    let mut result = Ok(());
    for (attempt, renderer) in renderers.into_iter().enumerate() {
        result = run(options(renderer));
        match &result {
            Err(error) if classify(error) == Failure::Graphics && attempt < last => {
                eprintln!(
                    "chitieu: the {renderer} renderer could not start ({error}); trying the next one"
                );
            }
            _ => break,
        }
    }
    report(result)
}

/// Explains a failure to start on stderr and, on Windows, in a message box; passes the result
/// on.
fn report(result: eframe::Result) -> eframe::Result {
    if let Err(error) = &result {
        let message = message(classify(error), &error.to_string());
        eprintln!("{message}");
        #[cfg(windows)]
        {
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title("chitieu")
                .set_description(&message)
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
        }
    }
    result
}

fn renderer_names() -> String {
    RENDERERS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn classify(error: &eframe::Error) -> Failure {
    match error {
        eframe::Error::Glutin(_)
        | eframe::Error::NoGlutinConfigs(..)
        | eframe::Error::OpenGL(_) => Failure::Graphics,
        #[cfg(windows)]
        eframe::Error::Wgpu(_) => Failure::Graphics,
        eframe::Error::Winit(_) | eframe::Error::WinitEventLoop(_) => Failure::Display,
        eframe::Error::AppCreation(_) => Failure::Other,
    }
}

/// What the user reads, in Vietnamese and English, with the error's own words at the end.
fn message(failure: Failure, detail: &str) -> String {
    let (vi, en) = match failure {
        Failure::Graphics => (GRAPHICS_VI, GRAPHICS_EN),
        Failure::Display => (DISPLAY_VI, DISPLAY_EN),
        Failure::Other => (OTHER_VI, OTHER_EN),
    };
    format!("{vi}\n\n{en}\n\n({detail})")
}

#[cfg(windows)]
const GRAPHICS_VI: &str = "chitieu không mở được cửa sổ: máy này không có OpenGL 2.0 trở lên, \
cũng không có Direct3D 12 (thường gặp khi dùng Remote Desktop, trình điều khiển màn hình cơ bản \
hoặc card đồ hoạ cũ).\nCách khắc phục: cập nhật trình điều khiển card đồ hoạ; hoặc chép tệp \
opengl32.dll của Mesa (bản 64-bit, gói mesa-dist-win) vào cùng thư mục với chitieu.exe để vẽ \
bằng phần mềm.\nLệnh `chitieu summary TỆP...` vẫn dùng được mà không cần cửa sổ.";

#[cfg(windows)]
const GRAPHICS_EN: &str = "chitieu could not open its window: this computer has neither OpenGL \
2.0 or later nor Direct3D 12 (common over Remote Desktop, with the basic display driver and with \
old graphics chips).\nTo fix it: update the graphics driver; or put Mesa's opengl32.dll (64-bit, \
from mesa-dist-win) in the folder of chitieu.exe, which draws in software.\n\
`chitieu summary FILE...` still works without a window.";

#[cfg(not(windows))]
const GRAPHICS_VI: &str = "chitieu không mở được cửa sổ: không có OpenGL 2.0 trở lên (trình điều \
khiển đồ hoạ thiếu hoặc quá cũ).\nCách khắc phục: cài trình điều khiển Mesa (gói libgl1-mesa-dri) \
hoặc chạy với LIBGL_ALWAYS_SOFTWARE=1 để vẽ bằng phần mềm (llvmpipe).\n\
Lệnh `chitieu summary TỆP...` vẫn dùng được mà không cần cửa sổ.";

#[cfg(not(windows))]
const GRAPHICS_EN: &str = "chitieu could not open its window: there is no OpenGL 2.0 or later \
(the graphics driver is missing or too old).\nTo fix it: install Mesa's drivers (package \
libgl1-mesa-dri) or start it with LIBGL_ALWAYS_SOFTWARE=1 to draw in software (llvmpipe).\n\
`chitieu summary FILE...` still works without a window.";

const DISPLAY_VI: &str = "chitieu không mở được cửa sổ: hệ thống cửa sổ từ chối (trên Linux: \
không có màn hình, DISPLAY và WAYLAND_DISPLAY đều chưa đặt).\n\
Lệnh `chitieu summary TỆP...` vẫn dùng được mà không cần cửa sổ.";

const DISPLAY_EN: &str = "chitieu could not open its window: the window system refused (on \
Linux: there is no display, neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
`chitieu summary FILE...` still works without a window.";

const OTHER_VI: &str = "chitieu không khởi động được.";

const OTHER_EN: &str = "chitieu could not start.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphics_failures_try_the_next_renderer_and_then_explain() {
        let mut tried = Vec::new();
        let result = run_with_fallback(
            |renderer| eframe::NativeOptions {
                renderer,
                ..eframe::NativeOptions::default()
            },
            |options| {
                tried.push(options.renderer);
                Err(eframe::Error::OpenGL(egui_glow_error()))
            },
        );
        assert!(result.is_err());
        let all: Vec<Renderer> = RENDERERS.iter().map(|(_, renderer)| *renderer).collect();
        assert_eq!(tried, all);
    }

    #[test]
    fn a_window_that_ran_is_not_opened_again() {
        let mut runs = 0;
        let result = run_with_fallback(
            |renderer| eframe::NativeOptions {
                renderer,
                ..eframe::NativeOptions::default()
            },
            |_| {
                runs += 1;
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(runs, 1);
    }

    #[test]
    fn the_message_says_what_to_do_in_both_languages() {
        let text = message(Failure::Graphics, "egui_glow: too old");
        assert!(text.contains("không mở được cửa sổ"));
        assert!(text.contains("could not open its window"));
        assert!(text.ends_with("(egui_glow: too old)"));
        #[cfg(not(windows))]
        assert!(text.contains("LIBGL_ALWAYS_SOFTWARE=1"));
        #[cfg(windows)]
        assert!(text.contains("opengl32.dll"));
    }

    fn egui_glow_error() -> eframe::egui_glow::PainterError {
        eframe::egui_glow::PainterError::from("OpenGL 1.1 is too old".to_owned())
    }
}
