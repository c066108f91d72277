//! The report of one subcommand: figures in the order they were measured, the targets with
//! PASS/FAIL, and notes. The table and the JSON are rendered from the same values, so they can
//! never disagree. A figure that could not be measured stays in the report with the reason.

use serde_json::{Map, Value, json};

#[derive(Debug, Clone)]
enum Reading {
    Number { value: f64, unit: &'static str },
    Text(String),
    Missing(String),
}

#[derive(Debug, Clone)]
struct Row {
    section: String,
    key: String,
    label: String,
    reading: Reading,
}

#[derive(Debug, Clone)]
struct Check {
    label: String,
    /// `None`: could not be judged (a figure it needs is missing).
    pass: Option<bool>,
    detail: String,
}

#[derive(Debug, Clone)]
pub struct Report {
    title: String,
    section: String,
    rows: Vec<Row>,
    checks: Vec<Check>,
    notes: Vec<String>,
}

impl Report {
    pub fn new(title: impl Into<String>) -> Self {
        Report {
            title: title.into(),
            section: String::new(),
            rows: Vec::new(),
            checks: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Figures added after this belong to `name`.
    pub fn section(&mut self, name: impl Into<String>) {
        self.section = name.into();
    }

    fn push(&mut self, key: &str, label: &str, reading: Reading) {
        self.rows.push(Row {
            section: self.section.clone(),
            key: key.to_owned(),
            label: label.to_owned(),
            reading,
        });
    }

    pub fn number(&mut self, key: &str, label: &str, value: f64, unit: &'static str) {
        self.push(key, label, Reading::Number { value, unit });
    }

    pub fn text(&mut self, key: &str, label: &str, text: impl Into<String>) {
        self.push(key, label, Reading::Text(text.into()));
    }

    pub fn missing(&mut self, key: &str, label: &str, why: impl Into<String>) {
        self.push(key, label, Reading::Missing(why.into()));
    }

    /// A number if there is one, else the reason there is none.
    pub fn maybe(
        &mut self,
        key: &str,
        label: &str,
        value: Result<f64, String>,
        unit: &'static str,
    ) {
        match value {
            Ok(v) => self.number(key, label, v, unit),
            Err(why) => self.missing(key, label, why),
        }
    }

    pub fn check(
        &mut self,
        label: impl Into<String>,
        pass: Option<bool>,
        detail: impl Into<String>,
    ) {
        self.checks.push(Check {
            label: label.into(),
            pass,
            detail: detail.into(),
        });
    }

    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// The table for people.
    pub fn render(&self) -> String {
        let mut out = format!("\n==== {} ====\n", self.title);
        let width = self.rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
        let mut section = None;
        for row in &self.rows {
            if section != Some(&row.section) {
                out.push_str(&format!("\n{}\n", row.section));
                section = Some(&row.section);
            }
            let shown = match &row.reading {
                Reading::Number { value, unit } if unit.is_empty() && value.fract() == 0.0 => {
                    format!("{:>14}", group_thousands(*value as i64))
                }
                Reading::Number { value, unit } => format!("{:>14} {unit}", fmt_number(*value)),
                Reading::Text(t) => format!("{t:>14}"),
                Reading::Missing(why) => format!("{:>14} ({why})", "n/a"),
            };
            out.push_str(&format!("  {:<width$}  {shown}\n", row.label));
        }
        if !self.checks.is_empty() {
            out.push_str("\nTargets\n");
            for c in &self.checks {
                let verdict = match c.pass {
                    Some(true) => "PASS",
                    Some(false) => "FAIL",
                    None => "N/A ",
                };
                out.push_str(&format!("  {verdict}  {}  [{}]\n", c.label, c.detail));
            }
        }
        if !self.notes.is_empty() {
            out.push_str("\nNotes\n");
            for n in &self.notes {
                out.push_str(&format!("  - {n}\n"));
            }
        }
        out
    }

    /// The same figures for scripts: `figures` maps each key to its value (null when missing).
    pub fn to_json(&self) -> Value {
        let mut figures = Map::new();
        let mut detail = Vec::new();
        for row in &self.rows {
            let (value, unit, missing) = match &row.reading {
                Reading::Number { value, unit } => (json!(value), json!(unit), Value::Null),
                Reading::Text(t) => (json!(t), Value::Null, Value::Null),
                Reading::Missing(why) => (Value::Null, Value::Null, json!(why)),
            };
            figures.insert(row.key.clone(), value.clone());
            detail.push(json!({
                "section": row.section, "key": row.key, "label": row.label,
                "value": value, "unit": unit, "missing": missing,
            }));
        }
        let checks: Vec<Value> = self
            .checks
            .iter()
            .map(|c| json!({ "target": c.label, "pass": c.pass, "detail": c.detail }))
            .collect();
        json!({
            "title": self.title,
            "figures": figures,
            "detail": detail,
            "checks": checks,
            "notes": self.notes,
        })
    }
}

/// Large figures without decimals, small ones with enough to be read.
pub fn fmt_number(v: f64) -> String {
    let a = v.abs();
    if a >= 1000.0 {
        group_thousands(v.round() as i64)
    } else if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(fmt_number(1_234_567.8), "1,234,568");
        assert_eq!(fmt_number(999.4), "999");
        assert_eq!(fmt_number(12.34), "12.3");
        assert_eq!(fmt_number(0.456), "0.46");
        assert_eq!(fmt_number(-12_000.0), "-12,000");
    }

    #[test]
    fn table_and_json_carry_the_same_figures() {
        let mut r = Report::new("t");
        r.section("s");
        r.number("a", "A", 1.5, "ms");
        r.missing("b", "B", "tool missing");
        r.check("A < 2 ms", Some(true), "1.5 ms");
        let table = r.render();
        assert!(table.contains("PASS  A < 2 ms"));
        assert!(table.contains("n/a"));
        let j = r.to_json();
        assert_eq!(j["figures"]["a"], json!(1.5));
        assert_eq!(j["figures"]["b"], Value::Null);
        assert_eq!(j["checks"][0]["pass"], json!(true));
    }
}
