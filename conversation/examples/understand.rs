//! Prints what `nlu::understand` reads from each line of stdin (the fleet's four cabins,
//! today 2026-12-03 unless `--today` says otherwise).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
use std::io::BufRead;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let today = args
        .iter()
        .position(|a| a == "--today")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.parse().expect("YYYY-MM-DD"))
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"));
    let names = [
        "Cabaña Arrayán",
        "Cabaña Coihue",
        "Cabaña Ñire",
        "Cabaña Lenga",
    ];
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let u = conversation::nlu::understand(&line, today, &names);
        println!(
            "{line}\n  {:?} in={:?} out={:?} g={:?} acc={:?} topic={:?} topics={:?} feat={:?} choice={:?} pets={} corr={} yes={} no={} lang={:?} nights={:?} until={:?} month={:?} period={:?} bare={:?} xg={:?} xn={:?} per_night={} conf={}",
            u.intent,
            u.check_in,
            u.check_out,
            u.guests,
            u.accommodation,
            u.info_topic,
            u.topics,
            u.features,
            u.choice,
            u.pets,
            u.correction,
            u.affirmative,
            u.declines,
            u.language,
            u.nights,
            u.until,
            u.month,
            u.period.map(|p| p.period),
            u.bare_number,
            u.extra_guests,
            u.extra_nights,
            u.per_night,
            u.confidence
        );
        println!(
            "  about_hold={:?} voucher={} code={} also={} keep={} takes_back={} declines={} defers={} same_dates={} refers_back={}",
            u.about_hold,
            u.asks_voucher,
            u.asks_code,
            u.also,
            u.keeps_as_is,
            u.takes_back,
            u.declines,
            u.defers,
            u.same_dates,
            u.refers_back
        );
        if std::env::var("FULL").is_ok() {
            println!("  {u:?}");
        }
    }
}
