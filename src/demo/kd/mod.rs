//! Knowledge-distillation trainer.
