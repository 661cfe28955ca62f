//! A partner's logo uploaded (issue 21), over real HTTP on 127.0.0.1 with a real kiosk: the
//! admin web's multipart form (CSRF like every form) and the CLI; hostile uploads refused with
//! a reason in the admin's words, never a 5xx; the stored logo is a small PNG of the server's
//! own making, served at an address named by its hash (`image/png`, kept a year), named in
//! the partner's record that reaches the site's kiosks; saving the partner keeps it.

use std::time::Duration;

use crate::support;

use support::admin::{client, login, start};
use support::{SyncedKiosk, server_cli, wait_until};

fn encoded(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 140])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A multipart body as a browser sends the upload form.
fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----digidakTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn a_partners_logo_is_uploaded_checked_made_small_and_reaches_kiosks_and_phones() {
    let (dir, server) = start();
    let kiosk = SyncedKiosk::start(&dir.path().join("noord"));
    kiosk
        .pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
        .unwrap();
    server_cli(
        &server.db,
        &[
            "partner",
            "add",
            "--site",
            "noord",
            "De Ark",
            "--categories",
            "paperwork",
            "--picture",
            "letter",
        ],
    );
    let ark = server.store.partners("noord").unwrap()[0].clone();
    assert!(ark.logo.is_empty());

    let l = login(&server);
    let http = client();
    let cookie = format!("dd_session={}", l.cookie);
    let upload = |fields: &[(&str, &str)], file: Option<(&str, &[u8])>| {
        let (ctype, body) = multipart(fields, file);
        // A new connection each time: after a refusal the server may close the one it used
        // without reading the rest of the upload.
        client()
            .post(format!("{}/admin/partners/logo?lang=nl", server.url()))
            .header("cookie", &cookie)
            .header("content-type", ctype)
            .body(body)
            .send()
            .unwrap()
    };
    let with_token = [("csrf", l.csrf.as_str()), ("id", ark.id.as_str())];
    let jpeg = encoded(1200, 600, image::ImageFormat::Jpeg);

    // Without the form's token: refused, nothing stored.
    let r = upload(&[("id", &ark.id)], Some(("ark.jpg", &jpeg)));
    assert_eq!(r.status(), 403);
    // Hostile uploads: each refused with the reason in Dutch, a 4xx, nothing stored.
    let mut bomb = encoded(1, 1, image::ImageFormat::Png);
    bomb[16..24].copy_from_slice(&[0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20]); // 20000 x 20000
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    let png = encoded(300, 300, image::ImageFormat::Png);
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec();
    let big = vec![0xFFu8; 1024 * 1024 + 10];
    let huge = vec![0xFFu8; 3 * 1024 * 1024];
    for (what, file, status, words) in [
        (
            "an SVG",
            Some(svg.as_slice()),
            400,
            "geen PNG- of JPEG-prent",
        ),
        (
            "a decompression bomb",
            Some(bomb.as_slice()),
            400,
            "20000 x 20000 pixels",
        ),
        (
            "a PNG cut short",
            Some(&png[..png.len() / 2]),
            400,
            "kan niet gelezen worden",
        ),
        ("an empty file", Some(&[][..]), 400, "Het bestand is leeg"),
        ("over 1 MiB", Some(big.as_slice()), 413, "te groot"),
        ("no file", None, 400, "Het bestand is leeg"),
    ] {
        let r = upload(&with_token, file.map(|f| ("logo.png", f)));
        assert_eq!(r.status().as_u16(), status, "{what}");
        let html = r.text().unwrap();
        assert!(html.contains(words), "{what}: {html}");
        assert!(html.contains("Dit logo kan niet"), "{what}");
        assert!(
            server.store.partners("noord").unwrap()[0].logo.is_empty(),
            "{what}"
        );
    }

    // Far over the limit: the server answers 413 without reading it all (or, when the client
    // is still sending, closes the connection); nothing stored either way.
    let (ctype, body) = multipart(&with_token, Some(("huge.png", &huge)));
    if let Ok(r) = client()
        .post(format!("{}/admin/partners/logo?lang=nl", server.url()))
        .header("cookie", &cookie)
        .header("content-type", ctype)
        .body(body)
        .send()
    {
        assert_eq!(r.status(), 413);
        assert!(r.text().unwrap().contains("te groot"));
    }
    assert!(server.store.partners("noord").unwrap()[0].logo.is_empty());

    // A real JPEG: stored as a PNG of at most 256 px a side, named by its hash.
    let r = upload(&with_token, Some(("ark.jpg", &jpeg)));
    assert_eq!(r.status(), 303);
    let saved = server.store.partners("noord").unwrap()[0].clone();
    assert!(digidak_core::logo::is_logo_hash(&saved.logo), "{saved:?}");
    let served = http
        .get(format!("{}/partner-logo/{}", server.url(), saved.logo))
        .send()
        .unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    assert!(
        served.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000"),
    );
    let bytes = served.bytes().unwrap();
    assert_eq!(digidak_core::logo::logo_hash(&bytes), saved.logo);
    let back = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).unwrap();
    assert_eq!((back.width(), back.height()), (256, 128));
    // Unknown or malformed names: 404, never another type.
    for bad in ["0".repeat(64), "../../etc/passwd".into(), "ABC".into()] {
        let r = http
            .get(format!("{}/partner-logo/{bad}", server.url()))
            .send()
            .unwrap();
        assert_eq!(r.status(), 404, "{bad}");
    }

    // The admin page and the phone page show it; the kiosk gets its name.
    let admin = http
        .get(format!("{}/admin/partners?site=noord", server.url()))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(admin.contains(&format!("/partner-logo/{}", saved.logo)));
    let phone = http
        .get(format!("{}/partners/noord", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(phone.contains(&format!("src=\"/partner-logo/{}\"", saved.logo)));
    wait_until(
        Duration::from_secs(20),
        "the logo's name at the kiosk",
        || {
            kiosk.sync.nudge();
            kiosk
                .store
                .partners()
                .unwrap()
                .iter()
                .any(|p| p.logo == saved.logo)
        },
    );
    // And the picture itself: fetched by the kiosk's sync worker into its data folder, byte
    // for byte the server's PNG.
    let kept = digidak::sync::logos::logo_path(&kiosk.dir, &saved.logo).unwrap();
    wait_until(Duration::from_secs(20), "the logo at the kiosk", || {
        kiosk.sync.nudge();
        kept.exists()
    });
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        server.store.partner_logo(&saved.logo).unwrap().unwrap()
    );

    // Saving the partner's other fields keeps the logo.
    let r = http
        .post(format!("{}/admin/partners/save", server.url()))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", l.csrf.as_str()),
            ("id", ark.id.as_str()),
            ("site", "noord"),
            ("name", "De Ark"),
            ("cat-paperwork", "1"),
            ("contact", "02 123 45 67"),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    let again = server.store.partners("noord").unwrap()[0].clone();
    assert_eq!(
        (again.contact.as_str(), again.logo.as_str()),
        ("02 123 45 67", saved.logo.as_str())
    );

    // Removed in the admin web: the picture shows again, at the kiosk too.
    let r = http
        .post(format!("{}/admin/partners/logo/remove", server.url()))
        .header("cookie", &cookie)
        .form(&[("csrf", l.csrf.as_str()), ("id", ark.id.as_str())])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(server.store.partners("noord").unwrap()[0].logo.is_empty());
    wait_until(
        Duration::from_secs(20),
        "the kiosk forgets the logo",
        || {
            kiosk.sync.nudge();
            kiosk
                .store
                .partners()
                .unwrap()
                .iter()
                .all(|p| p.logo.is_empty())
        },
    );
    wait_until(
        Duration::from_secs(20),
        "the kiosk removes the picture",
        || {
            kiosk.sync.nudge();
            !kept.exists()
        },
    );

    // The CLI: a PNG file gives the logo back; a file that is no picture is refused (exit 2).
    let file = dir.path().join("ark.png");
    std::fs::write(&file, &png).unwrap();
    let out = server_cli(
        &server.db,
        &[
            "partner",
            "logo",
            "--site",
            "noord",
            "De Ark",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.contains("has logo"), "{out}");
    let logo = server.store.partners("noord").unwrap()[0].logo.clone();
    assert!(digidak_core::logo::is_logo_hash(&logo));
    let bad = dir.path().join("ark.svg");
    std::fs::write(&bad, &svg).unwrap();
    let o = std::process::Command::new(support::server_bin())
        .arg("--db")
        .arg(support::server_db(&server.db))
        .args(["partner", "logo", "--site", "noord", "De Ark"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a PNG or JPEG picture"));
    assert_eq!(server.store.partners("noord").unwrap()[0].logo, logo);
    let out = server_cli(
        &server.db,
        &["partner", "logo", "--site", "noord", "De Ark", "--remove"],
    );
    assert!(out.contains("no logo now"), "{out}");
}

/// PNG's chunk checksum (CRC-32, ISO 3309), to make a header that claims a huge picture.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
