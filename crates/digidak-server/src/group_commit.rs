//! Group commit for pushes, on every backend: pushes that arrive while another commits wait
//! in a queue; whoever becomes the writer next runs them all in one transaction (one fsync),
//! each in a savepoint of its own so one failing push cannot spoil the others.

use std::sync::Mutex;
use std::sync::mpsc;

use digidak_protocol::{PushRequest, PushResponse};

use crate::{KioskAuth, ServerError};

/// A push waiting for the writer.
pub(crate) struct PushJob {
    pub kiosk: KioskAuth,
    pub request: PushRequest,
    pub now_ms: i64,
    reply: mpsc::Sender<Result<PushResponse, ServerError>>,
}

/// Every push's answer, in the jobs' order; `Err` when nothing was committed.
pub(crate) type Answers = Result<Vec<Result<PushResponse, ServerError>>, ServerError>;

#[derive(Default)]
pub(crate) struct GroupCommit {
    queue: Mutex<Vec<PushJob>>,
}

impl GroupCommit {
    /// Queues a push, waits to be the writer (`writer` blocks until then), and either finds its
    /// answer already there (an earlier writer ran it) or runs every queued push with `commit`.
    pub fn push<W>(
        &self,
        kiosk: &KioskAuth,
        request: PushRequest,
        now_ms: i64,
        writer: impl FnOnce() -> W,
        commit: impl FnOnce(W, &[PushJob]) -> Answers,
    ) -> Result<PushResponse, ServerError> {
        let (tx, rx) = mpsc::channel();
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(PushJob {
                kiosk: kiosk.clone(),
                request,
                now_ms,
                reply: tx,
            });
        let w = writer();
        if let Ok(answer) = rx.try_recv() {
            // An earlier writer already did ours.
            return answer;
        }
        let jobs = std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()));
        match commit(w, &jobs) {
            Ok(answers) => {
                for (job, answer) in jobs.into_iter().zip(answers) {
                    let _ = job.reply.send(answer);
                }
            }
            Err(e) => {
                // Nothing was committed: every push in the group is told to try again.
                let message = e.to_string();
                for job in jobs {
                    let _ = job
                        .reply
                        .send(Err(ServerError::Unavailable(message.clone())));
                }
            }
        }
        rx.recv()
            .unwrap_or_else(|_| Err(ServerError::Unavailable("the push was not run".into())))
    }
}
