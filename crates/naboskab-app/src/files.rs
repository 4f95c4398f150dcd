//! The file store: where the bytes of attached documents live, never in the database. A
//! folder under the data directory by default, an S3-compatible bucket when the installation
//! is built with the `s3` feature and configured with an `s3://bucket/prefix` address, and
//! memory in tests. Everything goes through `object_store`, so the use cases never know
//! which one it is.

use crate::error::{Error, Result};
use futures_util::TryStreamExt;
use object_store::path::Path as Key;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::sync::Arc;

/// A place to keep files by key (`grant/17/5f3a…`). Cheap to clone.
#[derive(Clone)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
    /// Where it is, for the log and `naboskab config` (`memory`, a folder, a bucket).
    pub location: String,
}

impl std::fmt::Debug for FileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileStore")
            .field("location", &self.location)
            .finish()
    }
}

impl Default for FileStore {
    fn default() -> Self {
        FileStore::in_memory()
    }
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("file store: {e}"))
}

impl FileStore {
    /// Files kept in memory only (tests, and nothing else).
    pub fn in_memory() -> FileStore {
        FileStore {
            inner: Arc::new(object_store::memory::InMemory::new()),
            location: "memory".into(),
        }
    }

    /// Files in `folder` (created when missing; only the server's user may enter it).
    pub fn on_disk(folder: &std::path::Path) -> Result<FileStore> {
        std::fs::create_dir_all(folder).map_err(failed)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
                .map_err(failed)?;
        }
        let local = object_store::local::LocalFileSystem::new_with_prefix(folder)
            .map_err(failed)?
            .with_automatic_cleanup(true);
        Ok(FileStore {
            inner: Arc::new(local),
            location: folder.display().to_string(),
        })
    }

    /// Files in an S3-compatible bucket at `url` (`s3://bucket/prefix`); credentials, region
    /// and endpoint come from the usual `AWS_*` environment variables.
    #[cfg(feature = "s3")]
    pub fn s3(url: &str) -> Result<FileStore> {
        let (without_prefix, prefix) =
            match url.strip_prefix("s3://").and_then(|r| r.split_once('/')) {
                Some((bucket, prefix)) => (format!("s3://{bucket}"), prefix.trim_matches('/')),
                None => (url.to_owned(), ""),
            };
        let bucket = object_store::aws::AmazonS3Builder::from_env()
            .with_url(without_prefix)
            .build()
            .map_err(failed)?;
        let inner: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(bucket)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(bucket, prefix))
        };
        Ok(FileStore {
            inner,
            location: url.to_owned(),
        })
    }

    /// Keeps `bytes` under `key`, replacing what was there.
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<()> {
        self.inner
            .put(&Key::from(key), PutPayload::from(bytes))
            .await
            .map_err(failed)?;
        Ok(())
    }

    /// The bytes under `key`; [`Error::NotFound`] when there are none.
    pub async fn get(&self, key: &str) -> Result<Vec<u8>> {
        match self.inner.get(&Key::from(key)).await {
            Ok(found) => Ok(found.bytes().await.map_err(failed)?.to_vec()),
            Err(object_store::Error::NotFound { .. }) => Err(Error::NotFound),
            Err(e) => Err(failed(e)),
        }
    }

    /// Deletes what is under `key`; nothing there is no error.
    pub async fn delete(&self, key: &str) -> Result<()> {
        match self.inner.delete(&Key::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(failed(e)),
        }
    }

    /// The keys under `prefix` last written before `before` (UTC seconds).
    pub async fn keys_written_before(&self, prefix: &str, before: i64) -> Result<Vec<String>> {
        let found: Vec<object_store::ObjectMeta> = self
            .inner
            .list(Some(&Key::from(prefix)))
            .try_collect()
            .await
            .map_err(failed)?;
        Ok(found
            .into_iter()
            .filter(|m| m.last_modified.timestamp() < before)
            .map(|m| m.location.to_string())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_folder_keeps_reads_and_really_deletes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = FileStore::on_disk(&dir.path().join("files")).expect("store");
        files
            .put("grant/1/abc", b"%PDF-1.7".to_vec())
            .await
            .expect("put");
        assert_eq!(files.get("grant/1/abc").await.expect("get"), b"%PDF-1.7");
        assert!(dir.path().join("files/grant/1/abc").exists());
        let later = chrono::Utc::now().timestamp() + 60;
        assert_eq!(
            files
                .keys_written_before("grant", later)
                .await
                .expect("list"),
            ["grant/1/abc"]
        );
        assert!(
            files
                .keys_written_before("grant", 0)
                .await
                .expect("list")
                .is_empty()
        );
        files.delete("grant/1/abc").await.expect("delete");
        files
            .delete("grant/1/abc")
            .await
            .expect("deleting twice is fine");
        assert!(matches!(
            files.get("grant/1/abc").await,
            Err(Error::NotFound)
        ));
        assert!(
            !dir.path().join("files/grant/1").exists(),
            "the emptied folder goes too"
        );
    }
}
