//! `fleetctl nlu --today YYYY-MM-DD`: one message per line on stdin, one JSON object per line on
//! stdout (`intent`, `check_in`, `check_out`, `guests`, `confidence`, `language`: `es`, `en` or
//! `pt`, Spanish when the line has no words of any). Evaluation relies on this format: keep it
//! stable (fields are only ever added at the end).

use std::io::{BufRead, Write};

use chrono::NaiveDate;

use conversation::nlu;

pub fn run(
    today: NaiveDate,
    accommodations: &[String],
    input: impl BufRead,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let names: Vec<&str> = accommodations.iter().map(String::as_str).collect();
    for line in input.lines() {
        let line = line?;
        let understood = nlu::understand(&line, today, &names);
        writeln!(output, "{}", nlu::to_json_line(&understood))?;
    }
    output.flush()?;
    Ok(())
}
