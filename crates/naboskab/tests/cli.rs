//! The command line as an operator uses it: migrate, add the first administrator, create an
//! API token, back up, print and check configuration.

use std::process::Command;

fn naboskab(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_naboskab"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("NABOSKAB_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("run naboskab")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn operator_sets_up_an_installation_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let m = naboskab(&data, &["migrate"]);
    assert!(m.status.success(), "{}", stderr(&m));
    assert!(
        data.join("naboskab.db").exists(),
        "data folder and SQLite file created"
    );

    let add = naboskab(
        &data,
        &[
            "user",
            "add",
            "--email",
            "Drift@Example.dk",
            "--name",
            "Drift",
            "--password",
            "en lang adgangssætning",
            "--role",
            "platform_admin",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let weak = naboskab(
        &data,
        &[
            "user",
            "add",
            "--email",
            "b@example.dk",
            "--name",
            "B",
            "--password",
            "kort",
        ],
    );
    assert!(!weak.status.success());
    assert!(
        stderr(&weak).contains("password refused"),
        "{}",
        stderr(&weak)
    );
    let dup = naboskab(
        &data,
        &[
            "user",
            "add",
            "--email",
            "drift@example.dk",
            "--name",
            "D",
            "--password",
            "en lang adgangssætning",
        ],
    );
    assert!(stderr(&dup).contains("exists already"));

    let token = naboskab(&data, &["token", "create", "--user", "drift@example.dk"]);
    assert!(token.status.success(), "{}", stderr(&token));
    assert!(stdout(&token).trim().starts_with("nbk_"));
    let nobody = naboskab(&data, &["token", "create", "--user", "nobody@example.dk"]);
    assert!(!nobody.status.success());
    assert!(stderr(&nobody).contains("no account"));

    let out = dir.path().join("copy.db");
    let b = naboskab(&data, &["backup", "--out", out.to_str().expect("utf-8")]);
    assert!(b.status.success(), "{}", stderr(&b));
    assert!(std::fs::metadata(&out).expect("backup file").len() > 10_000);
    let again = naboskab(&data, &["backup", "--out", out.to_str().expect("utf-8")]);
    assert!(!again.status.success(), "never overwrites a backup");
}

#[test]
fn configuration_is_printed_and_unknown_keys_are_named() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let p = naboskab(&data, &["config", "--print-default"]);
    assert!(p.status.success());
    assert!(stdout(&p).contains("bind = \"127.0.0.1:8080\""));
    let file = dir.path().join("naboskab.toml");
    std::fs::write(&file, "bind = \"127.0.0.1:9999\"\nlocal = \"da\"\n").expect("write");
    let bad = naboskab(
        &data,
        &["migrate", "--config", file.to_str().expect("utf-8")],
    );
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("local"), "{}", stderr(&bad));
    std::fs::write(&file, "bind = \"127.0.0.1:9999\"\n").expect("write");
    let shown = naboskab(
        &data,
        &["config", "--config", file.to_str().expect("utf-8")],
    );
    assert!(
        stdout(&shown).contains("127.0.0.1:9999"),
        "{}",
        stdout(&shown)
    );
    let env = Command::new(env!("CARGO_BIN_EXE_naboskab"))
        .args(["config", "--config", file.to_str().expect("utf-8")])
        .env("NABOSKAB_BIND", "127.0.0.1:7777")
        .output()
        .expect("run");
    assert!(
        stdout(&env).contains("127.0.0.1:7777"),
        "environment beats the file"
    );
}
