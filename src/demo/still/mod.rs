//! Ethanol-water distillation column.
