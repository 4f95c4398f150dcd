//! What a reader of the typeset documents sees: the text laid out, the pages, the file.

use super::*;

fn fact(label: &str, value: &str) -> Fact {
    Fact {
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

fn sheet(lang: &str, heading: &str, text: &str) -> Part {
    Part::Sheet(Sheet {
        lang: lang.to_owned(),
        rtl: lang == "ar",
        heading: heading.to_owned(),
        subheading: "§ 18-puljen 2027 · Aarhus Kommune".to_owned(),
        facts: vec![fact("Ansøgt beløb", "25.000,00 kr.")],
        sections: vec![Section {
            heading: "Budget".to_owned(),
            blocks: vec![
                Block::Text {
                    text: text.to_owned(),
                },
                Block::Table(Table {
                    columns: vec!["Tekst".to_owned(), "Beløb".to_owned()],
                    numeric: vec![false, true],
                    rows: vec![
                        vec!["Husleje".to_owned(), "12.000,00 kr.".to_owned()],
                        vec!["Kaffe og kage".to_owned(), "3.500,50 kr.".to_owned()],
                    ],
                    total: Some(vec!["I alt".to_owned(), "15.500,50 kr.".to_owned()]),
                }),
            ],
        }],
        footer: "Naboskab".to_owned(),
    })
}

fn letter(lang: &str, subject: &str, paragraph: &str) -> Part {
    Part::Letter(Letter {
        lang: lang.to_owned(),
        rtl: lang == "ar",
        sender: vec!["Aarhus Kommune".to_owned()],
        recipient: vec!["Fatima Hassan".to_owned(), "Seniorklubben".to_owned()],
        date: "7. december 2026".to_owned(),
        subject: subject.to_owned(),
        paragraphs: vec![paragraph.to_owned()],
        closing: vec!["Med venlig hilsen".to_owned(), "Aarhus Kommune".to_owned()],
        footer: "Naboskab".to_owned(),
    })
}

/// The text on the pages with each run on one line, runs joined by spaces.
fn words(pdf: &Pdf) -> String {
    pdf.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_sheet_prints_its_heading_facts_text_and_table_with_its_total() {
    let pdf = render(&Document {
        title: "Ansøgning: Fællesspisning".to_owned(),
        parts: vec![sheet(
            "da",
            "Fællesspisning",
            "Vi spiser sammen hver tirsdag.",
        )],
    })
    .expect("typeset");
    assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF file");
    assert_eq!(pdf.pages, 1);
    let text = words(&pdf);
    for expected in [
        "Fællesspisning",
        "Ansøgt beløb",
        "25.000,00 kr.",
        "Vi spiser sammen hver tirsdag.",
        "Kaffe og kage",
        "15.500,50 kr.",
        "1 / 1",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from {text:?}"
        );
    }
}

#[test]
fn each_part_begins_a_page_and_arabic_is_shaped_in_its_own_part() {
    let arabic = "تمت الموافقة على طلبكم";
    let pdf = render(&Document {
        title: "Afgørelse".to_owned(),
        parts: vec![
            letter("da", "Bevilling", "I har fået bevilget 20.000,00 kr."),
            letter("ar", "منحة", arabic),
        ],
    })
    .expect("typeset");
    assert_eq!(pdf.pages, 2, "one page per letter");
    let text = words(&pdf);
    assert!(text.contains("I har fået bevilget 20.000,00 kr."), "{text}");
    // Shaped Arabic keeps its characters in logical order in the text of the layout.
    assert!(text.contains("طلبكم"), "{text}");
    assert!(text.contains("2 / 2"), "{text}");
}

#[test]
fn what_a_user_typed_is_printed_as_typed_never_run() {
    let typed = "*fed* #panic(\"x\") = overskrift $x^2$ \\ #read(\"/etc/passwd\")";
    let pdf = render(&Document {
        title: typed.to_owned(),
        parts: vec![sheet("da", typed, "linje 1\nlinje 2 <b>")],
    })
    .expect("typed markup is text, so it typesets");
    let text = words(&pdf);
    assert!(text.contains("*fed*"), "{text}");
    assert!(text.contains("#panic(\"x\")"), "{text}");
    // A long heading wraps after the slash; the characters are all there, in order.
    let unbroken: String = text.split_whitespace().collect();
    assert!(unbroken.contains("#read(\"/etc/passwd\")"), "{text}");
    assert!(text.contains("linje 2 <b>"), "{text}");
}

#[test]
fn a_long_table_runs_onto_more_pages() {
    let Part::Sheet(mut long) = sheet("da", "Mange linjer", "") else {
        unreachable!("sheet() makes a sheet")
    };
    let Block::Table(table) = &mut long.sections[0].blocks[1] else {
        unreachable!("the second block is the table")
    };
    table.rows = (1..=120)
        .map(|i| vec![format!("Linje {i}"), format!("{i},00 kr.")])
        .collect();
    let pdf = render(&Document {
        title: "Mange linjer".to_owned(),
        parts: vec![Part::Sheet(long)],
    })
    .expect("typeset");
    assert!(pdf.pages >= 3, "120 rows need pages: {}", pdf.pages);
    assert!(words(&pdf).contains("Linje 120"));
}

fn invitation(code: &str) -> Part {
    let text = |lang: &str, heading: &str, paragraph: &str, label: &str| InvitationText {
        lang: lang.to_owned(),
        rtl: lang == "ar",
        heading: heading.to_owned(),
        paragraphs: vec![paragraph.to_owned()],
        code_label: label.to_owned(),
    };
    Part::Invitation(Invitation {
        sender: vec!["Boligselskabet Taastrup Have".to_owned()],
        recipient: vec!["Til beboerne i".to_owned(), "Afd. 3 Nørreparken".to_owned()],
        code: code.to_owned(),
        link: format!("https://naboskab.example.dk/survey?code={code}"),
        texts: vec![
            text(
                "da",
                "Hvordan har du det med andre?",
                "Svar på tre spørgsmål.",
                "Din kode",
            ),
            text("ar", "كيف تشعر تجاه الآخرين؟", "أجب عن ثلاثة أسئلة.", "رمزك"),
        ],
        footer: "Naboskab".to_owned(),
    })
}

#[test]
fn an_invitation_is_one_page_with_its_code_its_link_and_a_qr_code_in_both_languages() {
    let pdf = render(&Document {
        title: "Trivselsundersøgelse".to_owned(),
        parts: vec![invitation("ABCD-EFGH-JKMN"), invitation("PQRS-TUVW-XYZ2")],
    })
    .expect("typeset");
    assert_eq!(pdf.pages, 2, "one page per address");
    assert_eq!(pdf.images, 2, "one QR code per page");
    let text = words(&pdf);
    for expected in [
        "ABCD-EFGH-JKMN",
        "PQRS-TUVW-XYZ2",
        "https://naboskab.example.dk/survey?code=ABCD-EFGH-JKMN",
        "Hvordan har du det med andre?",
        "Afd. 3 Nørreparken",
        "رمزك",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in {text}");
    }
}
