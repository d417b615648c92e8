//! The two live demos: knowledge distillation and a distillation column.

pub mod kd;
pub mod still;
