//! The test application and a cookie-keeping client.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use naboskab_app::messaging::KeepInOutbox;
use naboskab_demo::DemoIds;
use naboskab_store::testing::TestDb;
use naboskab_web::clock::TestClock;
use naboskab_web::{AppState, WebConfig};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

/// A `tracing` writer into a shared buffer, to read what the request log says.
#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
    type Writer = LogBuffer;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

impl LogBuffer {
    /// Sends this thread's log lines (INFO and up) here while the guard lives.
    pub fn capture(&self) -> tracing::subscriber::DefaultGuard {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(self.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        let guard = tracing::subscriber::set_default(subscriber);
        // Tests on other threads may have registered the request log's callsite with no
        // subscriber in place; ask every callsite again, so this thread's lines are kept.
        tracing::callsite::rebuild_interest_cache();
        guard
    }

    /// What was logged.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
    }
}

pub const T0: i64 = 1_795_000_000;
pub const PASSWORD: &str = "naboskab-demo-2026";

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub clock: Arc<TestClock>,
    pub demo: DemoIds,
    pub db: Option<TestDb>,
}

impl TestApp {
    pub async fn with(db: TestDb, config: WebConfig) -> TestApp {
        naboskab_web::install_crypto_provider();
        let clock = Arc::new(TestClock::at(T0));
        let demo = naboskab_demo::seed(&db.db, PASSWORD, &config.outreach_key, &config.files, T0)
            .await
            .expect("seed")
            .expect("empty database");
        let state = AppState::new(config, db.db.clone(), clock.clone(), Arc::new(KeepInOutbox));
        TestApp {
            router: naboskab_web::app(state.clone()),
            state,
            clock,
            demo,
            db: Some(db),
        }
    }

    pub async fn sqlite() -> TestApp {
        TestApp::with(TestDb::sqlite().await.expect("sqlite"), demo_config()).await
    }

    /// One app per available backend.
    pub async fn all() -> Vec<TestApp> {
        let mut out = vec![];
        for db in TestDb::all().await.expect("databases") {
            out.push(TestApp::with(db, demo_config()).await);
        }
        if std::env::var(naboskab_store::testing::POSTGRES_ENV).is_ok() {
            assert_eq!(out.len(), 2, "PostgreSQL configured but not used");
        }
        out
    }

    pub fn client(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: HashMap::new(),
            headers: vec![],
        }
    }

    /// A client signed in with the password alone (staff reaching outreach records still
    /// need their second factor: see `logged_in`).
    pub async fn password_only(&self, email: &str) -> Client {
        let mut c = self.client();
        let r = c.login(email, PASSWORD).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "login of {email}: {}",
            r.text
        );
        c
    }

    /// A client signed in whose session has passed the second factor (as if the code had
    /// been typed; `tests/web/two_factor.rs` drives the real step).
    pub async fn logged_in(&self, email: &str) -> Client {
        let c = self.password_only(email).await;
        let cookie = c
            .cookies
            .get(self.state.config.session_cookie())
            .expect("session cookie");
        naboskab_store::users::mark_second_factor(
            self.db(),
            &naboskab_web::security::hash_token(cookie),
            T0,
        )
        .await
        .expect("second factor");
        c
    }

    pub fn db(&self) -> &naboskab_store::Db {
        &self.state.app.db
    }

    pub async fn cleanup(mut self) {
        if let Some(db) = self.db.take() {
            db.cleanup().await;
        }
    }
}

pub fn demo_config() -> WebConfig {
    WebConfig {
        base_url: "http://naboskab.test".into(),
        demo: true,
        ..WebConfig::default()
    }
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.text)
    }

    pub fn select_text(&self, css: &str) -> Vec<String> {
        let sel = scraper::Selector::parse(css).expect("selector");
        self.html()
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    }

    pub fn attr(&self, css: &str, attr: &str) -> Option<String> {
        let sel = scraper::Selector::parse(css).expect("selector");
        self.html()
            .select(&sel)
            .next()
            .and_then(|e| e.value().attr(attr).map(str::to_owned))
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_owned)
            .collect()
    }
}

#[derive(Clone)]
pub struct Client {
    pub router: Router,
    pub cookies: HashMap<String, String>,
    pub headers: Vec<(String, String)>,
}

impl Client {
    pub async fn send(&mut self, req: Request<Body>) -> Resp {
        let mut req = req;
        if !self.cookies.is_empty() {
            let c = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req.headers_mut()
                .insert(header::COOKIE, c.parse().expect("cookie header"));
        }
        for (k, v) in &self.headers {
            req.headers_mut().insert(
                axum::http::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                v.parse().expect("value"),
            );
        }
        let resp = self.router.clone().oneshot(req).await.expect("infallible");
        let status = resp.status();
        let headers = resp.headers().clone();
        for sc in headers.get_all(header::SET_COOKIE) {
            let sc = sc.to_str().expect("ascii");
            let first = sc.split(';').next().unwrap_or_default();
            if let Some((k, v)) = first.split_once('=') {
                if v.is_empty() || sc.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .expect("body");
        Resp {
            status,
            headers,
            text: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// The CSRF token the next form on `path` would carry.
    pub async fn csrf(&mut self, path: &str) -> String {
        let page = self.get(path).await;
        page.attr("input[name=csrf_token]", "value")
            .unwrap_or_else(|| panic!("no csrf token on {path}: {}", page.text))
    }

    /// Posts a form as a browser would: with the page's CSRF token.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.csrf("/login").await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_raw(path, &all).await
    }

    /// Posts a form exactly as given (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = serde_urlencoded::to_string(fields).expect("form");
        self.send(
            Request::post(path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request"),
        )
        .await
    }

    /// Posts a `multipart/form-data` form as a browser would, the CSRF token first; each part
    /// is (name, file name for a file, content).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        parts: &[(&str, Option<&str>, &[u8])],
    ) -> Resp {
        let token = self.csrf("/login").await;
        let mut all: Vec<(&str, Option<&str>, &[u8])> =
            vec![("csrf_token", None, token.as_bytes())];
        all.extend_from_slice(parts);
        let (content_type, body) = multipart_body(&all);
        self.send(
            Request::post(path)
                .header(header::CONTENT_TYPE, content_type)
                .body(Body::from(body))
                .expect("request"),
        )
        .await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.post_form("/login", &[("email", email), ("password", password)])
            .await
    }
}

/// The newest outbox mail to `to`, and the first link in it.
/// A `multipart/form-data` body of `parts` (name, file name for a file, content) and its
/// content type.
pub fn multipart_body(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "naboskab-test-boundary-7d41";
    let mut body = Vec::new();
    for (name, file_name, content) in parts {
        body.extend(format!("--{boundary}\r\n").into_bytes());
        match file_name {
            Some(f) => body.extend(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes(),
            ),
            None => body.extend(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").into_bytes(),
            ),
        }
        body.extend_from_slice(content);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").into_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub async fn last_mail(db: &naboskab_store::Db, to: &str) -> (String, String) {
    let msgs = naboskab_store::outbox::recent(db, 50)
        .await
        .expect("outbox");
    let m = msgs
        .into_iter()
        .find(|m| m.recipient == to)
        .unwrap_or_else(|| panic!("no mail to {to}"));
    let link = m
        .body
        .split_whitespace()
        .find(|w| w.starts_with("http"))
        .unwrap_or_default()
        .to_owned();
    (m.body, link)
}

/// The path and query of a link in a mail.
pub fn local(link: &str) -> String {
    link.trim_start_matches("http://naboskab.test").to_owned()
}

/// The first published activity whose next time takes sign-ups and has room: the offer and
/// when that time starts.
pub async fn activity_with_room(app: &TestApp) -> (i64, i64) {
    let row = app
        .db()
        .query_one(
            "SELECT o.offer_id, o.starts_at FROM occurrence o JOIN event_series s ON s.id = o.series_id JOIN offer f ON f.id = o.offer_id
             WHERE s.signup_required = $1 AND o.cancelled = $2 AND o.starts_at > $3 AND f.status = 'published'
               AND (o.capacity IS NULL OR o.confirmed_places < o.capacity)
             ORDER BY o.starts_at LIMIT 1",
            naboskab_store::params![true, false, T0],
        )
        .await
        .expect("an activity with sign-up");
    (
        row.i64("offer_id").expect("offer"),
        row.i64("starts_at").expect("start"),
    )
}

/// The first outreach record held by the demo housing organisation `org`.
pub async fn record_of(app: &TestApp, org: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT MIN(id) AS min FROM outreach_contact WHERE housing_org_id = $1",
            naboskab_store::params![app.demo.org(org).expect("org")],
        )
        .await
        .expect("record")
        .i64("min")
        .expect("id")
}

/// A client that calls the API with a token made on "Min konto" in `session`.
pub async fn bearer_from(session: &mut Client, app: &TestApp) -> Client {
    let made = session
        .post_form("/account/tokens", &[("name", "caseload script")])
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    let secret = made
        .select_text(".notice code")
        .first()
        .cloned()
        .expect("the new token is shown once");
    let mut c = app.client();
    c.headers
        .push(("authorization".into(), format!("Bearer {secret}")));
    c
}

/// The text of every cell of an XLSX file, joined by `|`, as a separate reader (Python's
/// zipfile and XML parser) finds it; fails when the file is not a valid workbook archive.
pub fn xlsx_text(bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!(
        "naboskab-export-{}-{}.xlsx",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::write(&path, bytes).expect("write");
    let check = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys, zipfile, xml.etree.ElementTree as E\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor n in z.namelist():\n    if n.endswith('.xml') or n.endswith('.rels'): E.fromstring(z.read(n))\nparts = [n for n in z.namelist() if n.startswith('xl/') and n.endswith('.xml')]\ncells = [t.text or '' for n in parts for t in E.fromstring(z.read(n)).iter('{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t')]\nprint('|'.join(cells))")
        .arg(&path)
        .output()
        .expect("python3");
    let _ = std::fs::remove_file(&path);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    String::from_utf8_lossy(&check.stdout).into_owned()
}

/// A number that differs between calls in one process (temporary file names).
fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What a PDF reader shows of a PDF besides its pages: the title in the window, the
/// languages, the number of pages, and the headings in the sidebar (bookmarks).
#[derive(Debug)]
pub struct PdfFacts {
    pub title: String,
    pub languages: Vec<String>,
    pub pages: usize,
    pub outline: Vec<String>,
}

/// Reads [`PdfFacts`] from the XMP metadata (plain XML in the file) and the outline's
/// `/Title` strings (literal, or UTF-16 in hex); fails when `bytes` is not a PDF.
pub fn pdf_facts(bytes: &[u8]) -> PdfFacts {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "PDF cut short");
    let raw = String::from_utf8_lossy(bytes);
    let inside = |tag: &str| between_in(&raw, &format!("<{tag}>"), &format!("</{tag}>"));
    let title = inside("dc:title")
        .first()
        .and_then(|alt| alt.split('>').nth(2))
        .and_then(|li| li.split('<').next())
        .unwrap_or_default()
        .to_owned();
    let languages = inside("dc:language")
        .first()
        .map(|bag| between_in(bag, "<rdf:li>", "</rdf:li>"))
        .unwrap_or_default();
    let pages = inside("xmpTPg:NPages")
        .first()
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    let mut outline = between_in(&raw, "/Title(", ")");
    for hex in between_in(&raw, "/Title<FEFF", ">") {
        let units: Vec<u16> = hex
            .as_bytes()
            .chunks(4)
            .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        outline.push(String::from_utf16_lossy(&units));
    }
    PdfFacts {
        title,
        languages,
        pages,
        outline,
    }
}

/// Every piece of `text` that follows `from`, up to the next `to`.
fn between_in(text: &str, from: &str, to: &str) -> Vec<String> {
    text.split(from)
        .skip(1)
        .filter_map(|rest| rest.split(to).next())
        .map(str::to_owned)
        .collect()
}

/// The text of a PDF as a separate reader extracts it (poppler's `pdftotext`, from Debian's
/// `poppler-utils`, which `.ci/run` installs), without the direction marks it adds around
/// right-to-left runs; fails when the file cannot be read.
pub fn pdf_text(bytes: &[u8]) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pdftotext (Debian's poppler-utils) is needed to read PDFs back");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("write the PDF");
    let out = child.wait_with_output().expect("pdftotext");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The QR codes on a PDF's pages, as a phone would scan them: each page drawn at 150 dpi by
/// pdftoppm (poppler-utils) and read by zbarimg (zbar-tools), in page order.
pub fn pdf_qr_codes(bytes: &[u8]) -> Vec<String> {
    use std::process::Command;
    let dir = tempfile::tempdir().expect("temporary folder");
    let pdf = dir.path().join("letters.pdf");
    std::fs::write(&pdf, bytes).expect("write the PDF");
    let drawn = Command::new("pdftoppm")
        .args(["-r", "150", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (Debian's poppler-utils) is needed to draw PDFs");
    assert!(drawn.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .expect("pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    let mut out = Vec::new();
    for page in pages {
        let scan = Command::new("zbarimg")
            .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
            .arg(&page)
            .output()
            .expect("zbarimg (Debian's zbar-tools) is needed to scan QR codes");
        out.extend(
            String::from_utf8_lossy(&scan.stdout)
                .lines()
                .map(str::to_owned),
        );
    }
    out
}
