//! Demo offers: sixty activities, communities, helplines and services across the demo
//! departments and associations, a third of them translated into English and Arabic, covering
//! every category, target group and kind. Fictitious, like the rest of the demo.

use naboskab_store::offers::{self, ContactRequest, Helpline, Offer, Translation};
use naboskab_store::{Db, StoreError, orgs};

/// One offer to seed: where, what, and optional (English, Arabic) translations.
struct Seed {
    owner: &'static str,
    department: Option<&'static str>,
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    categories: &'static [&'static str],
    targets: &'static [&'static str],
    languages: &'static [&'static str],
    weekdays: &'static [&'static str],
    when: &'static str,
    price_ore: Option<i64>,
    flags: Flags,
    en: Option<(&'static str, &'static str)>,
    ar: Option<(&'static str, &'static str)>,
}

#[derive(Clone, Copy, Default)]
struct Flags {
    drop_in: bool,
    newcomers: bool,
    friend: bool,
    step_free: bool,
    toilet: bool,
    loop_: bool,
}

/// Open drop-in activities in the common houses (which have hearing loops).
const OPEN: Flags = Flags {
    drop_in: true,
    newcomers: true,
    friend: true,
    step_free: true,
    toilet: true,
    loop_: true,
};
const SIGNUP: Flags = Flags {
    drop_in: false,
    newcomers: true,
    friend: false,
    step_free: true,
    toilet: false,
    loop_: false,
};
const PLAIN: Flags = Flags {
    drop_in: false,
    newcomers: false,
    friend: false,
    step_free: false,
    toilet: false,
    loop_: false,
};

#[allow(clippy::too_many_arguments)]
const fn s(
    owner: &'static str,
    department: Option<&'static str>,
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    categories: &'static [&'static str],
    targets: &'static [&'static str],
    languages: &'static [&'static str],
    weekdays: &'static [&'static str],
    when: &'static str,
    price_ore: Option<i64>,
    flags: Flags,
) -> Seed {
    Seed {
        owner,
        department,
        kind,
        title,
        description,
        categories,
        targets,
        languages,
        weekdays,
        when,
        price_ore,
        flags,
        en: None,
        ar: None,
    }
}

fn seeds() -> Vec<Seed> {
    let n = Some("dep-norreparken");
    let so = Some("dep-sondergaarden");
    let e = Some("dep-engbo");
    let v = Some("dep-vestervang");
    let f = Some("dep-flong");
    vec![
        Seed {
            en: Some((
                "Communal dining in the common house",
                "We cook together and eat at long tables. Everyone is welcome, also if you come alone.",
            )),
            ar: Some((
                "وجبة مشتركة في البيت المشترك",
                "نطبخ معًا ونأكل على طاولات طويلة. الجميع مرحب بهم، حتى لو جئت وحدك.",
            )),
            ..s(
                "dep-norreparken",
                n,
                "activity",
                "Fællesspisning i fælleshuset",
                "Vi laver mad sammen og spiser ved lange borde. Alle er velkomne, også hvis du kommer alene.",
                &["food"],
                &["families", "intergenerational"],
                &["da", "ar"],
                &["2"],
                "Tirsdage kl. 17.30–19.30",
                Some(2500),
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Knitting club",
                "Knit, crochet and have coffee. Bring your own project or learn from the others.",
            )),
            ar: Some((
                "نادي الحياكة",
                "نحيك ونشرب القهوة. أحضر مشروعك أو تعلّم من الآخرين.",
            )),
            ..s(
                "assoc-seniorklub",
                n,
                "community",
                "Strikkeklub",
                "Vi strikker, hækler og drikker kaffe. Tag dit eget strikketøj med, eller lær af de andre.",
                &["crafts"],
                &["elderly", "women"],
                &["da"],
                &["3"],
                "Onsdage kl. 14–16",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Homework café",
                "Volunteers help children and young people with homework in Danish, maths and English.",
            )),
            ar: Some((
                "مقهى الواجبات المدرسية",
                "متطوعون يساعدون الأطفال والشباب في الواجبات المدرسية: الدنماركية والرياضيات والإنجليزية.",
            )),
            ..s(
                "assoc-lektiecafe",
                v,
                "activity",
                "Lektiecafé",
                "Frivillige hjælper børn og unge med lektier i dansk, matematik og engelsk.",
                &["learning"],
                &["children", "young"],
                &["da", "ar", "so"],
                &["1", "4"],
                "Mandage og torsdage kl. 15–17",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Language café",
                "Practise Danish with your neighbours over a cup of tea. All levels.",
            )),
            ar: Some((
                "مقهى اللغة",
                "تدرّب على اللغة الدنماركية مع جيرانك على كوب شاي. جميع المستويات.",
            )),
            ..s(
                "assoc-broen",
                so,
                "community",
                "Sprogcafé",
                "Øv dansk med dine naboer over en kop te. Alle niveauer er velkomne.",
                &["language"],
                &["newcomers", "adults"],
                &["da", "ar", "tr", "uk"],
                &["4"],
                "Torsdage kl. 16–18",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Walking group for everyone",
                "A calm walk of about 3 km in the park. We wait for each other.",
            )),
            ar: Some((
                "مجموعة المشي للجميع",
                "نزهة هادئة حوالي ٣ كم في الحديقة. ننتظر بعضنا البعض.",
            )),
            ..s(
                "club-motion",
                so,
                "activity",
                "Gåhold for alle",
                "En rolig gåtur på ca. 3 km i parken. Vi venter på hinanden.",
                &["movement"],
                &["elderly", "adults"],
                &["da"],
                &["5"],
                "Fredage kl. 10",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Chair exercise",
                "Gentle exercise sitting on a chair, with music. Good for stiff joints.",
            )),
            ar: Some((
                "تمارين على الكرسي",
                "تمارين لطيفة جلوسًا على كرسي مع الموسيقى. مفيدة للمفاصل المتيبسة.",
            )),
            ..s(
                "club-motion",
                f,
                "activity",
                "Stolegymnastik",
                "Blid træning siddende på en stol, med musik. Godt for stive led.",
                &["movement", "health"],
                &["elderly"],
                &["da"],
                &["2"],
                "Tirsdage kl. 10–11",
                Some(1000),
                Flags {
                    loop_: true,
                    ..SIGNUP
                },
            )
        },
        Seed {
            en: Some((
                "Help with MitID and your phone",
                "Bring your phone or tablet. We help with MitID, digital post and apps.",
            )),
            ar: Some((
                "مساعدة في MitID والهاتف",
                "أحضر هاتفك أو جهازك اللوحي. نساعدك في MitID والبريد الرقمي والتطبيقات.",
            )),
            ..s(
                "dep-vestervang",
                v,
                "municipal_service",
                "Hjælp til MitID og mobilen",
                "Tag din telefon eller tablet med. Vi hjælper med MitID, digital post og apps.",
                &["digital"],
                &["elderly", "newcomers"],
                &["da", "ar", "ur"],
                &["1"],
                "Mandage kl. 13–15",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Men's shed",
                "A workshop where men meet, repair bikes and furniture, and talk.",
            )),
            ar: Some((
                "ورشة الرجال",
                "ورشة يلتقي فيها الرجال ويصلحون الدراجات والأثاث ويتحدثون.",
            )),
            ..s(
                "dep-vestervang",
                v,
                "community",
                "Mandeværkstedet",
                "Et værksted hvor mænd mødes, reparerer cykler og møbler og får en snak.",
                &["crafts"],
                &["men", "elderly"],
                &["da", "tr"],
                &["3"],
                "Onsdage kl. 9–12",
                None,
                SIGNUP,
            )
        },
        Seed {
            en: Some((
                "Community garden",
                "Grow vegetables and herbs in raised beds. No experience needed.",
            )),
            ar: Some((
                "حديقة مشتركة",
                "ازرع الخضروات والأعشاب في أحواض مرتفعة. لا حاجة إلى خبرة.",
            )),
            ..s(
                "dep-engbo",
                e,
                "community",
                "Fælles køkkenhave",
                "Dyrk grøntsager og krydderurter i højbede. Ingen erfaring nødvendig.",
                &["nature"],
                &["intergenerational", "families"],
                &["da", "ar"],
                &["6"],
                "Lørdage kl. 10–12 (april–oktober)",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Talk group about grief",
                "A small group for people who have lost someone close. Led by a trained volunteer.",
            )),
            ar: Some((
                "مجموعة حوار حول الحزن",
                "مجموعة صغيرة لمن فقدوا شخصًا عزيزًا. يقودها متطوع مدرَّب.",
            )),
            ..s(
                "health-center",
                None,
                "self_help",
                "Samtalegruppe om sorg",
                "En lille gruppe for dig, der har mistet en nær. Ledet af en uddannet frivillig.",
                &["self_help"],
                &["adults", "elderly"],
                &["da"],
                &["2"],
                "Hver anden tirsdag kl. 19–21",
                None,
                SIGNUP,
            )
        },
        Seed {
            en: Some((
                "Bingo and cake",
                "Bingo with small prizes, coffee and homemade cake.",
            )),
            ar: Some(("بينغو وكعك", "بينغو مع جوائز صغيرة وقهوة وكعك منزلي.")),
            ..s(
                "assoc-seniorklub",
                so,
                "activity",
                "Banko og kage",
                "Banko med små præmier, kaffe og hjemmebagt kage.",
                &["games", "food"],
                &["elderly"],
                &["da"],
                &["4"],
                "Første torsdag i måneden kl. 14",
                Some(2000),
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Choir for everyone",
                "Sing Danish songs and songs from around the world. No auditions.",
            )),
            ar: Some((
                "جوقة للجميع",
                "غنِّ أغاني دنماركية وأغاني من حول العالم. بدون اختبار.",
            )),
            ..s(
                "assoc-broen",
                n,
                "community",
                "Fællessang og kor",
                "Vi synger danske sange og sange fra hele verden. Ingen optagelsesprøve.",
                &["music"],
                &["intergenerational", "adults"],
                &["da", "en"],
                &["1"],
                "Mandage kl. 19–20.30",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Women's swimming",
                "Swimming only for women, with female lifeguards.",
            )),
            ar: Some(("سباحة للنساء", "سباحة للنساء فقط مع منقذات.")),
            ..s(
                "club-motion",
                None,
                "activity",
                "Kvindesvømning",
                "Svømning kun for kvinder, med kvindelige livreddere.",
                &["movement"],
                &["women"],
                &["da", "ar", "so"],
                &["7"],
                "Søndage kl. 16–18",
                Some(1500),
                SIGNUP,
            )
        },
        Seed {
            en: Some((
                "Volunteer: visiting friend",
                "Become a visiting friend for a lonely neighbour. One hour a week makes a difference.",
            )),
            ar: Some((
                "تطوع: صديق زائر",
                "كن صديقًا زائرًا لجار وحيد. ساعة واحدة في الأسبوع تصنع فرقًا.",
            )),
            ..s(
                "assoc-seniorklub",
                None,
                "volunteering",
                "Bliv besøgsven",
                "Bliv besøgsven for en ensom nabo. En time om ugen gør en forskel.",
                &["volunteering"],
                &["adults", "young"],
                &["da"],
                &[],
                "Når det passer jer",
                None,
                PLAIN,
            )
        },
        Seed {
            en: Some((
                "Youth club evening",
                "Games, music and table tennis for young people aged 13–17.",
            )),
            ar: Some((
                "أمسية نادي الشباب",
                "ألعاب وموسيقى وتنس طاولة للشباب من ١٣ إلى ١٧ عامًا.",
            )),
            ..s(
                "dep-sondergaarden",
                so,
                "activity",
                "Ungeklub",
                "Spil, musik og bordtennis for unge mellem 13 og 17 år.",
                &["games"],
                &["young"],
                &["da", "ar", "tr"],
                &["2", "4"],
                "Tirsdage og torsdage kl. 18–21",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Family breakfast",
                "Breakfast for families with small children on Saturday mornings.",
            )),
            ar: Some(("فطور عائلي", "فطور للعائلات مع أطفال صغار صباح السبت.")),
            ..s(
                "dep-engbo",
                e,
                "activity",
                "Familiemorgenmad",
                "Morgenmad for familier med små børn lørdag formiddag.",
                &["food"],
                &["families", "children"],
                &["da", "ar"],
                &["6"],
                "Lørdage kl. 9.30–11",
                Some(1500),
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Debt and budget advice",
                "Free, confidential advice on debt, rent arrears and budgets.",
            )),
            ar: Some((
                "استشارات الديون والميزانية",
                "استشارة مجانية وسرية حول الديون ومتأخرات الإيجار والميزانية.",
            )),
            ..s(
                "org-taastrup",
                None,
                "counselling",
                "Rådgivning om gæld og budget",
                "Gratis og fortrolig rådgivning om gæld, huslejerestancer og budget.",
                &["advice"],
                &["adults", "families"],
                &["da", "ar", "tr"],
                &["3"],
                "Onsdage kl. 13–16, ring og aftal tid",
                None,
                PLAIN,
            )
        },
        Seed {
            en: Some((
                "Museum trip",
                "We visit a museum together once a month. Bus tickets included.",
            )),
            ar: Some((
                "رحلة إلى المتحف",
                "نزور متحفًا معًا مرة في الشهر. تذاكر الحافلة مشمولة.",
            )),
            ..s(
                "assoc-broen",
                None,
                "activity",
                "Museumstur",
                "Vi besøger et museum sammen én gang om måneden. Busbillet er inkluderet.",
                &["culture"],
                &["elderly", "newcomers"],
                &["da", "en"],
                &["6"],
                "Anden lørdag i måneden",
                Some(5000),
                SIGNUP,
            )
        },
        Seed {
            en: Some((
                "Health check with a nurse",
                "Blood pressure, weight and a talk about your health. No appointment needed.",
            )),
            ar: Some((
                "فحص صحي مع ممرضة",
                "قياس ضغط الدم والوزن وحديث عن صحتك. بدون موعد.",
            )),
            ..s(
                "health-center",
                v,
                "municipal_service",
                "Sundhedstjek med sygeplejerske",
                "Blodtryk, vægt og en snak om dit helbred. Ingen tidsbestilling.",
                &["health"],
                &["adults", "elderly"],
                &["da", "ar", "ur", "fa"],
                &["1"],
                "Første mandag i måneden kl. 10–12",
                None,
                OPEN,
            )
        },
        Seed {
            en: Some((
                "Games afternoon",
                "Board games, cards and backgammon. Learn new games from your neighbours.",
            )),
            ar: Some((
                "ظهيرة الألعاب",
                "ألعاب لوحية وورق وطاولة زهر. تعلّم ألعابًا جديدة من جيرانك.",
            )),
            ..s(
                "dep-norreparken",
                n,
                "activity",
                "Spilleeftermiddag",
                "Brætspil, kort og backgammon. Lær nye spil af dine naboer.",
                &["games"],
                &["intergenerational"],
                &["da", "ar", "tr"],
                &["7"],
                "Søndage kl. 14–17",
                None,
                OPEN,
            )
        },
        // Offers without translations, spread over the departments.
        s(
            "dep-flong",
            f,
            "community",
            "Seniorbofællesskabets kaffeklub",
            "Kaffe og snak i fælleslokalet hver morgen.",
            &["food", "games"],
            &["elderly"],
            &["da"],
            &["1", "2", "3", "4", "5"],
            "Hverdage kl. 9.30",
            None,
            OPEN,
        ),
        s(
            "dep-flong",
            f,
            "activity",
            "Petanque",
            "Vi spiller petanque på banen bag fælleshuset.",
            &["movement", "games"],
            &["elderly", "intergenerational"],
            &["da"],
            &["3"],
            "Onsdage kl. 13",
            None,
            OPEN,
        ),
        s(
            "dep-flong",
            f,
            "activity",
            "Landsbyvandring i Fløng",
            "Gåtur med fortællinger om landsbyens historie.",
            &["culture", "movement"],
            &["elderly", "adults"],
            &["da"],
            &["6"],
            "Sidste lørdag i måneden kl. 10",
            None,
            OPEN,
        ),
        s(
            "dep-engbo",
            e,
            "activity",
            "Cykelværksted for børn",
            "Børn lærer at lappe og skrue på deres egen cykel.",
            &["crafts"],
            &["children"],
            &["da"],
            &["3"],
            "Onsdage kl. 15–17",
            None,
            OPEN,
        ),
        s(
            "dep-engbo",
            e,
            "community",
            "Bogklub",
            "Vi læser en bog om måneden og mødes til en snak.",
            &["culture"],
            &["adults", "elderly"],
            &["da"],
            &["4"],
            "Sidste torsdag i måneden kl. 19",
            None,
            SIGNUP,
        ),
        s(
            "dep-engbo",
            e,
            "activity",
            "Yoga i fælleshuset",
            "Rolig yoga for begyndere. Tag et tæppe med.",
            &["movement", "health"],
            &["adults", "women"],
            &["da", "en"],
            &["1"],
            "Mandage kl. 18–19",
            Some(3000),
            SIGNUP,
        ),
        s(
            "dep-norreparken",
            n,
            "activity",
            "Loppemarked",
            "Køb og sælg brugte ting. Gratis stadeplads for beboere.",
            &["culture"],
            &["families", "intergenerational"],
            &["da", "ar"],
            &["7"],
            "Første søndag i måneden kl. 10–14",
            None,
            OPEN,
        ),
        s(
            "dep-norreparken",
            n,
            "community",
            "Havegruppen",
            "Vi passer de fælles bede og planter blomster.",
            &["nature"],
            &["elderly", "adults"],
            &["da"],
            &["4"],
            "Torsdage kl. 10 (april–september)",
            None,
            OPEN,
        ),
        s(
            "dep-norreparken",
            n,
            "activity",
            "Filmaften",
            "Vi ser en film sammen på storskærm. Popcorn er gratis.",
            &["culture"],
            &["intergenerational"],
            &["da", "en"],
            &["5"],
            "Fredag hver anden uge kl. 19",
            None,
            OPEN,
        ),
        s(
            "dep-norreparken",
            n,
            "activity",
            "Legestue",
            "Leg og sang for de mindste og deres forældre.",
            &["games", "music"],
            &["children", "families"],
            &["da", "ar", "so"],
            &["2"],
            "Tirsdage kl. 9.30–11.30",
            None,
            OPEN,
        ),
        s(
            "dep-sondergaarden",
            so,
            "community",
            "Kvindegruppe",
            "Et trygt sted for kvinder at mødes, snakke og lave mad sammen.",
            &["food", "self_help"],
            &["women", "newcomers"],
            &["da", "ar", "so", "ur"],
            &["3"],
            "Onsdage kl. 10–13",
            None,
            OPEN,
        ),
        s(
            "dep-sondergaarden",
            so,
            "activity",
            "Fodbold for unge",
            "Fodbold på banen bag blok C. Trænere er frivillige forældre.",
            &["movement"],
            &["young", "children"],
            &["da", "ar", "tr"],
            &["1", "3"],
            "Mandage og onsdage kl. 17",
            None,
            OPEN,
        ),
        s(
            "dep-sondergaarden",
            so,
            "activity",
            "Computerhjælp",
            "Hjælp til computer, e-mail og nettet. Én til én.",
            &["digital"],
            &["elderly"],
            &["da"],
            &["5"],
            "Fredage kl. 10–12",
            None,
            SIGNUP,
        ),
        s(
            "dep-sondergaarden",
            so,
            "activity",
            "Madklub for seniorer",
            "Seniorer laver mad på skift og spiser sammen.",
            &["food"],
            &["elderly"],
            &["da"],
            &["4"],
            "Første torsdag i måneden kl. 12",
            Some(3500),
            SIGNUP,
        ),
        s(
            "dep-vestervang",
            v,
            "activity",
            "Syværksted",
            "Lån symaskiner og få hjælp til at sy og reparere tøj.",
            &["crafts"],
            &["women", "adults"],
            &["da", "ar", "tr"],
            &["2"],
            "Tirsdage kl. 13–16",
            None,
            OPEN,
        ),
        s(
            "dep-vestervang",
            v,
            "activity",
            "Bordtennis",
            "Bordtennis for alle aldre i kælderen.",
            &["movement", "games"],
            &["intergenerational", "young"],
            &["da"],
            &["4"],
            "Torsdage kl. 18–20",
            None,
            OPEN,
        ),
        s(
            "dep-vestervang",
            v,
            "community",
            "Nabohjælp",
            "Vi hjælper hinanden med indkøb, små reparationer og følgeskab.",
            &["volunteering"],
            &["elderly", "adults"],
            &["da", "ar"],
            &[],
            "Efter aftale",
            None,
            PLAIN,
        ),
        s(
            "dep-vestervang",
            v,
            "activity",
            "Påskeværksted",
            "Påskepynt og æggemaling for børn og voksne.",
            &["crafts"],
            &["children", "families"],
            &["da"],
            &["6"],
            "Lørdag før påske kl. 10–13",
            None,
            OPEN,
        ),
        s(
            "assoc-seniorklub",
            n,
            "community",
            "Seniorklubbens torsdagscafé",
            "Kaffe, avis og snak. Kom når du vil.",
            &["food", "games"],
            &["elderly"],
            &["da"],
            &["4"],
            "Torsdage kl. 9–12",
            None,
            OPEN,
        ),
        s(
            "assoc-seniorklub",
            f,
            "activity",
            "Udflugt til Roskilde",
            "Bustur med frokost og domkirkebesøg.",
            &["culture"],
            &["elderly"],
            &["da"],
            &["3"],
            "Én onsdag i maj",
            Some(15000),
            SIGNUP,
        ),
        s(
            "assoc-seniorklub",
            so,
            "activity",
            "Whist og kortspil",
            "Whist, rummy og kaffe.",
            &["games"],
            &["elderly"],
            &["da"],
            &["1"],
            "Mandage kl. 13–16",
            None,
            OPEN,
        ),
        s(
            "assoc-lektiecafe",
            so,
            "activity",
            "Lektiecafé i Søndergården",
            "Lektiehjælp for skolebørn med frivillige studerende.",
            &["learning"],
            &["children"],
            &["da", "ar"],
            &["2"],
            "Tirsdage kl. 15–17",
            None,
            OPEN,
        ),
        s(
            "assoc-lektiecafe",
            None,
            "volunteering",
            "Bliv lektiehjælper",
            "Har du to timer om ugen? Hjælp et barn med lektierne.",
            &["volunteering", "learning"],
            &["young", "adults"],
            &["da"],
            &[],
            "To timer om ugen",
            None,
            PLAIN,
        ),
        s(
            "assoc-lektiecafe",
            e,
            "activity",
            "Læseklub for børn",
            "Højtlæsning og bøger for børn fra 6 til 10 år.",
            &["learning", "culture"],
            &["children"],
            &["da"],
            &["5"],
            "Fredage kl. 15",
            None,
            OPEN,
        ),
        s(
            "assoc-broen",
            v,
            "activity",
            "Fællesspisning på tværs",
            "Hver måned laver en ny familie mad fra sit land.",
            &["food", "culture"],
            &["intergenerational", "newcomers"],
            &["da", "ar", "so", "tr"],
            &["5"],
            "Sidste fredag i måneden kl. 18",
            Some(3000),
            OPEN,
        ),
        s(
            "assoc-broen",
            so,
            "activity",
            "Dans for alle",
            "Folkedans og dans fra hele verden.",
            &["music", "movement"],
            &["intergenerational"],
            &["da", "ar"],
            &["7"],
            "Søndage kl. 15–17",
            None,
            OPEN,
        ),
        s(
            "assoc-broen",
            e,
            "community",
            "Kaffe og dansk for begyndere",
            "Lær de første ord på dansk i en rolig gruppe.",
            &["language"],
            &["newcomers"],
            &["da", "uk", "pl"],
            &["2"],
            "Tirsdage kl. 10–11.30",
            None,
            OPEN,
        ),
        s(
            "health-center",
            None,
            "municipal_service",
            "Rygestopkursus",
            "Gratis kursus over seks uger med en rygestoprådgiver.",
            &["health"],
            &["adults"],
            &["da", "ar", "tr"],
            &["3"],
            "Onsdage kl. 16–17.30",
            None,
            SIGNUP,
        ),
        s(
            "health-center",
            None,
            "counselling",
            "Samtale om mistrivsel",
            "Fortrolig samtale med en psykolog, hvis livet føles tungt.",
            &["self_help", "health"],
            &["young", "adults"],
            &["da", "en"],
            &["4"],
            "Ring og aftal tid",
            None,
            PLAIN,
        ),
        s(
            "health-center",
            e,
            "activity",
            "Træning efter sygdom",
            "Genoptræning i små hold med fysioterapeut.",
            &["health", "movement"],
            &["adults", "elderly"],
            &["da"],
            &["1", "4"],
            "Mandage og torsdage kl. 10",
            None,
            SIGNUP,
        ),
        s(
            "club-motion",
            v,
            "activity",
            "Løbeklub for begyndere",
            "Fra sofa til 5 km på ti uger.",
            &["movement"],
            &["adults"],
            &["da", "en"],
            &["2", "4"],
            "Tirsdage og torsdage kl. 17.30",
            Some(5000),
            SIGNUP,
        ),
        s(
            "club-motion",
            n,
            "activity",
            "Motion for mænd 60+",
            "Styrke og kondition i et roligt tempo.",
            &["movement", "health"],
            &["men", "elderly"],
            &["da"],
            &["5"],
            "Fredage kl. 9",
            None,
            OPEN,
        ),
        s(
            "club-motion",
            e,
            "activity",
            "Badminton",
            "Badminton i hallen for alle niveauer.",
            &["movement"],
            &["adults", "young"],
            &["da"],
            &["3"],
            "Onsdage kl. 19–21",
            Some(2500),
            SIGNUP,
        ),
        s(
            "org-taastrup",
            None,
            "counselling",
            "Social vicevært: åben rådgivning",
            "Kom forbi og få en snak om det, der fylder. Vi lytter og hjælper videre.",
            &["advice", "self_help"],
            &["adults", "elderly", "newcomers"],
            &["da", "ar", "tr"],
            &["2"],
            "Tirsdage kl. 10–12 på ejendomskontoret",
            None,
            OPEN,
        ),
        s(
            "org-taastrup",
            so,
            "activity",
            "Velkomstkaffe for nye beboere",
            "Mød dine naboer og hør om livet i afdelingen.",
            &["food"],
            &["newcomers", "families"],
            &["da", "ar", "en"],
            &["6"],
            "Første lørdag i kvartalet kl. 10",
            None,
            OPEN,
        ),
        s(
            "org-vestegn",
            v,
            "municipal_service",
            "Jobcafé",
            "Hjælp til CV, ansøgninger og jobsøgning.",
            &["learning", "advice"],
            &["adults", "young", "newcomers"],
            &["da", "ar", "so"],
            &["3"],
            "Onsdage kl. 10–13",
            None,
            OPEN,
        ),
        s(
            "org-vestegn",
            f,
            "community",
            "Frivillige til fælleshuset",
            "Hjælp med at holde fælleshuset åbent og hyggeligt.",
            &["volunteering"],
            &["adults", "elderly"],
            &["da"],
            &[],
            "Efter aftale",
            None,
            PLAIN,
        ),
        s(
            "dep-engbo",
            e,
            "activity",
            "Juletræsfest",
            "Dans om juletræet, godteposer og gløgg.",
            &["culture", "music"],
            &["families", "children", "intergenerational"],
            &["da"],
            &["7"],
            "Søndag i december kl. 14",
            Some(2000),
            SIGNUP,
        ),
        s(
            "dep-sondergaarden",
            so,
            "self_help",
            "Pårørendegruppe",
            "For dig, der passer en syg eller ældre i familien. Vi deler erfaringer og støtter hinanden.",
            &["self_help", "health"],
            &["adults", "elderly"],
            &["da", "ar"],
            &["4"],
            "Anden torsdag i måneden kl. 19",
            None,
            SIGNUP,
        ),
        s(
            "dep-flong",
            f,
            "community",
            "Strikkecafé i Fløng",
            "Strik og hækling ved kaffebordet.",
            &["crafts"],
            &["elderly", "women"],
            &["da"],
            &["2"],
            "Hver anden tirsdag kl. 14",
            None,
            OPEN,
        ),
    ]
}

/// Example helplines for the "Føler du dig ensom?" page: clearly marked as examples, with
/// numbers that are not real.
fn helplines() -> Vec<Helpline> {
    vec![
        Helpline {
            name: "Eksempel: Telefonlinjen mod ensomhed".into(),
            phone: "70 00 00 01".into(),
            hours: "Alle dage kl. 10–22".into(),
            description: "Anonym samtale med en frivillig, når du føler dig alene.".into(),
            is_example: true,
            ..Default::default()
        },
        Helpline {
            name: "Eksempel: Ungdomslinjen".into(),
            phone: "70 00 00 02".into(),
            hours: "Alle dage kl. 14–23".into(),
            description: "For unge under 25. Chat eller ring.".into(),
            is_example: true,
            ..Default::default()
        },
        Helpline {
            name: "Eksempel: Ældrelinjen".into(),
            phone: "70 00 00 03".into(),
            hours: "Hverdage kl. 9–16".into(),
            description: "For ældre og pårørende.".into(),
            is_example: true,
            ..Default::default()
        },
        Helpline {
            name: "Eksempel: Kommunens rådgivning (SEL § 10)".into(),
            phone: "70 00 00 04".into(),
            hours: "Hverdage kl. 8–15".into(),
            description: "Gratis rådgivning fra kommunen om sociale problemer.".into(),
            is_example: true,
            ..Default::default()
        },
    ]
}

/// Seeds the demo offers, helplines, caretaker contact details and one contact request.
pub async fn seed(
    db: &Db,
    outreach_key: &naboskab_store::seal::SealKey,
    ids: &crate::DemoIds,
    now: i64,
) -> Result<usize, StoreError> {
    let mut created = 0;
    let mut scheduled = Vec::new();
    for (i, sd) in seeds().into_iter().enumerate() {
        let Some(owner) = ids.org(sd.owner) else {
            continue;
        };
        let department = sd.department.and_then(|d| ids.org(d));
        let place = match department {
            Some(d) => orgs::organisation(db, d).await?,
            None => orgs::organisation(db, owner).await?,
        };
        let mut translations = vec![];
        if let Some((t, d)) = sd.en {
            translations.push(Translation {
                locale: "en".into(),
                title: t.into(),
                description_html: format!("<p>{d}</p>"),
            });
        }
        if let Some((t, d)) = sd.ar {
            translations.push(Translation {
                locale: "ar".into(),
                title: t.into(),
                description_html: format!("<p>{d}</p>"),
            });
        }
        let o = Offer {
            organisation_id: owner,
            department_id: department,
            kind: sd.kind.into(),
            status: "published".into(),
            title: sd.title.into(),
            description_html: format!("<p>{}</p>", sd.description),
            step_free: sd.flags.step_free,
            accessible_toilet: sd.flags.toilet,
            hearing_loop: sd.flags.loop_,
            price_ore: sd.price_ore,
            drop_in: sd.flags.drop_in,
            newcomers_welcome: sd.flags.newcomers,
            bring_friend: sd.flags.friend,
            contact_name: [
                "Jens Mikkelsen",
                "Birthe Olsen",
                "Amina Warsame",
                "Ole Sørensen",
            ][i % 4]
                .into(),
            contact_phone: format!("20 00 {:02} {:02}", i / 10, i % 100),
            street: place
                .as_ref()
                .and_then(|p| p.street.clone())
                .unwrap_or_else(|| "Taastrup Hovedgade 100".into()),
            postal_code: place
                .as_ref()
                .and_then(|p| p.postal_code.clone())
                .unwrap_or_else(|| "2630".into()),
            city: place
                .as_ref()
                .and_then(|p| p.city.clone())
                .unwrap_or_else(|| "Taastrup".into()),
            lat: place.as_ref().and_then(|p| p.lat).or(Some(55.6517)),
            lon: place.as_ref().and_then(|p| p.lon).or(Some(12.2995)),
            municipality_code: Some("0169".into()),
            when_text: sd.when.into(),
            what_to_bring: if sd.kind == "activity" {
                "Godt humør. Alt andet er der.".into()
            } else {
                String::new()
            },
            first_time: if sd.flags.newcomers {
                "Kom som du er. En af os tager imod dig ved døren og viser dig rundt.".into()
            } else {
                String::new()
            },
            categories: sd.categories.iter().map(|c| c.to_string()).collect(),
            target_groups: sd.targets.iter().map(|c| c.to_string()).collect(),
            languages: sd.languages.iter().map(|c| c.to_string()).collect(),
            weekdays: sd.weekdays.iter().map(|c| c.to_string()).collect(),
            translations,
            ..Default::default()
        };
        let offer_id = offers::create_offer(db, &o, now - 86_400 * (60 - i as i64)).await?;
        scheduled.push(crate::join::Scheduled {
            offer_id,
            weekdays: o.weekdays.clone(),
            when: sd.when,
            drop_in: sd.flags.drop_in,
        });
        created += 1;
    }
    crate::join::seed(db, ids, &scheduled, now).await?;
    for (i, h) in helplines().iter().enumerate() {
        offers::add_helpline(db, h, i as i64).await?;
    }
    if let Some(u) = ids.user("vicevaert@demo.naboskab.dk") {
        offers::set_staff_profile(
            db,
            u,
            "20 11 22 33",
            "Tirsdage kl. 10–12 og torsdage kl. 13–15 på ejendomskontoret",
            "Jeg taler dansk, tyrkisk og arabisk.",
        )
        .await?;
    }
    if let Some(dep) = ids.org("dep-norreparken") {
        offers::create_contact_request(
            db,
            outreach_key,
            &ContactRequest {
                department_id: Some(dep),
                name: "Inger (fiktiv)".into(),
                phone: "20 00 99 99".into(),
                preferred_language: "da".into(),
                when_to_call: "Formiddag".into(),
                message: "Jeg vil gerne høre om strikkeklubben.".into(),
                consent_text: "Jeg giver lov til, at en social vicevært kontakter mig.".into(),
                ..Default::default()
            },
            now,
        )
        .await?;
    }
    Ok(created)
}

/// Generated offers for load tests: varied titles, tags, translations for a third, places
/// spread over Denmark with a fifth near Taastrup. Deterministic for a given `count`.
pub fn generated(count: usize, organisation_id: i64) -> Vec<Offer> {
    const WHAT: [&str; 24] = [
        "Strikkeklub",
        "Fællesspisning",
        "Lektiecafé",
        "Sprogcafé",
        "Gåtur",
        "Banko",
        "Kor",
        "Yoga",
        "Petanque",
        "Madklub",
        "Syværksted",
        "Cykelværksted",
        "Filmaften",
        "Bogklub",
        "Havegruppe",
        "Legestue",
        "Computerhjælp",
        "Dans",
        "Fodbold",
        "Kaffeklub",
        "Kortspil",
        "Samtalegruppe",
        "Bordtennis",
        "Loppemarked",
    ];
    const FOR: [&str; 8] = [
        "for alle",
        "for ældre",
        "for unge",
        "for børn og forældre",
        "for kvinder",
        "for mænd",
        "på tværs",
        "for nye i området",
    ];
    const WHERE: [&str; 6] = [
        "i fælleshuset",
        "i beboerlokalet",
        "i parken",
        "på biblioteket",
        "i kælderen",
        "i haven",
    ];
    let cats: Vec<&str> = naboskab_store::migrate::CATEGORIES
        .iter()
        .map(|c| c.0)
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..count)
        .map(|i| {
            let r = next();
            let what = WHAT[(r % WHAT.len() as u64) as usize];
            let title = format!(
                "{what} {} {}",
                FOR[((r >> 8) % 8) as usize],
                WHERE[((r >> 16) % 6) as usize]
            );
            let near = (r >> 24) % 5 == 0;
            let (lat, lon) = if near {
                (
                    55.60 + ((r >> 28) % 1000) as f64 / 10_000.0,
                    12.15 + ((r >> 38) % 2000) as f64 / 10_000.0,
                )
            } else {
                (
                    54.8 + ((r >> 28) % 2800) as f64 / 1000.0,
                    8.1 + ((r >> 40) % 4500) as f64 / 1000.0,
                )
            };
            let translations = if i % 3 == 0 {
                vec![Translation {
                    locale: "en".into(),
                    title: format!("{what} (club)"),
                    description_html: "<p>Everyone is welcome.</p>".into(),
                }]
            } else {
                vec![]
            };
            Offer {
                organisation_id,
                kind: naboskab_domain::offer::KINDS[((r >> 44) % 6) as usize].into(),
                status: "published".into(),
                title,
                description_html: format!(
                    "<p>{what} {}. {}</p>",
                    [
                        "hver uge",
                        "hver anden uge",
                        "en gang om måneden",
                        "i weekenden"
                    ][i % 4],
                    [
                        "Vi hygger os og lærer hinanden at kende.",
                        "Tag gerne en nabo med.",
                        "Der er te og kage.",
                        "Alle niveauer er velkomne.",
                        "Vi starter stille og roligt.",
                        "Ingen tilmelding."
                    ][(i / 4) % 6]
                ),
                price_ore: if (r >> 50) % 3 == 0 { Some(2000) } else { None },
                newcomers_welcome: (r >> 52) % 2 == 0,
                drop_in: (r >> 53) % 2 == 0,
                step_free: (r >> 54) % 2 == 0,
                street: format!("Boligvej {}", i % 200 + 1),
                postal_code: if near {
                    "2630".into()
                } else {
                    format!("{}", 5000 + (r % 4000))
                },
                city: if near {
                    "Taastrup".into()
                } else {
                    "Danmark".into()
                },
                lat: Some(lat),
                lon: Some(lon),
                municipality_code: near.then(|| "0169".to_owned()),
                when_text: format!(
                    "Hver {} kl. {}",
                    [
                        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"
                    ][i % 7],
                    10 + i % 9
                ),
                categories: vec![cats[i % cats.len()].to_owned()],
                target_groups: vec![naboskab_domain::offer::TARGET_GROUPS[(i / 3) % 9].to_owned()],
                languages: if i % 4 == 0 {
                    vec!["da".into(), "ar".into()]
                } else {
                    vec!["da".into()]
                },
                weekdays: vec![(i % 7 + 1).to_string()],
                translations,
                ..Default::default()
            }
        })
        .collect()
}

/// Adds `count` generated offers in batches (owned by the demo's Kulturforeningen Broen, or
/// the first association).
pub async fn add_generated(db: &Db, count: usize, now: i64) -> Result<usize, StoreError> {
    let owner = orgs::organisations_of_kind(db, naboskab_domain::OrgKind::Association)
        .await?
        .first()
        .map(|o| o.id)
        .ok_or(StoreError::NotFound)?;
    let all = generated(count, owner);
    for chunk in all.chunks(2_000) {
        offers::create_offers_bulk(db, chunk, now).await?;
    }
    Ok(all.len())
}
