//! The lessons shipped inside the binary, from `content/`.

/// A shipped lesson: its file name and its Markdown text.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinLesson {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// Every shipped lesson, in display order.
pub const LESSONS: &[BuiltinLesson] = &[
    BuiltinLesson {
        file_name: "distillation.md",
        text: include_str!("../content/distillation.md"),
    },
    BuiltinLesson {
        file_name: "distillation.en.md",
        text: include_str!("../content/distillation.en.md"),
    },
];
