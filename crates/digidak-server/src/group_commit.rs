//! Group commit for pushes, on every backend: pushes that arrive while another commits wait
//! in a queue; whoever becomes the writer next runs them all in one transaction (one fsync),
//! each in a savepoint of its own so one failing push cannot spoil the others.

use std::sync::Mutex;
use std::sync::mpsc;

use digidak_protocol::{PushRequest, PushResponse};

use crate::{KioskAuth, ServerError};

/// Who pushes: a kiosk already authenticated, or a token (its hash) the writer checks in its
/// transaction (one query for the group instead of one per push, on PostgreSQL).
#[derive(Clone)]
pub(crate) enum Pusher {
    Kiosk(KioskAuth),
    TokenHash(String),
}

/// A push waiting for the writer.
pub(crate) struct PushJob {
    pub who: Pusher,
    pub request: PushRequest,
    pub now_ms: i64,
    reply: mpsc::Sender<Answer>,
}

/// One push's answer: the kiosk that pushed, and what the server says.
pub(crate) type Answer = Result<(KioskAuth, PushResponse), ServerError>;

/// Every push's answer, in the jobs' order; `Err` when nothing was committed.
pub(crate) type Answers = Result<Vec<Answer>, ServerError>;

/// The pushes a writer runs, taken from the queue when the writer is ready for them (its
/// transaction begun and its lock held), so that pushes which arrived while it waited for the
/// lock (another instance's turn, on PostgreSQL) come along in the same commit.
pub(crate) struct Taken<'q> {
    queue: &'q Mutex<Vec<PushJob>>,
    /// `None` until taken (the group may be empty: an earlier writer took ours).
    jobs: Option<Vec<PushJob>>,
}

impl Taken<'_> {
    /// The group: every push queued now (the first call takes them; later calls give the same).
    pub fn take(&mut self) -> &[PushJob] {
        self.jobs.get_or_insert_with(|| {
            std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()))
        })
    }
}

#[derive(Default)]
pub(crate) struct GroupCommit {
    queue: Mutex<Vec<PushJob>>,
}

impl GroupCommit {
    /// Queues a push, waits to be the writer (`writer` blocks until then), and either finds its
    /// answer already there (an earlier writer ran it) or lets `commit` run the queued pushes
    /// it takes ([`Taken::take`]) when it is ready.
    pub fn push<W>(
        &self,
        who: Pusher,
        request: PushRequest,
        now_ms: i64,
        writer: impl FnOnce() -> W,
        commit: impl FnOnce(W, &mut Taken<'_>) -> Answers,
    ) -> Answer {
        let (tx, rx) = mpsc::channel();
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(PushJob {
                who,
                request,
                now_ms,
                reply: tx,
            });
        let w = writer();
        if let Ok(answer) = rx.try_recv() {
            // An earlier writer already did ours.
            return answer;
        }
        let mut taken = Taken {
            queue: &self.queue,
            jobs: None,
        };
        let outcome = commit(w, &mut taken);
        // A commit that failed before taking the group answers the group all the same.
        taken.take();
        let jobs = taken.jobs.take().unwrap_or_default();
        match outcome {
            Ok(answers) if answers.len() == jobs.len() => {
                for (job, answer) in jobs.into_iter().zip(answers) {
                    let _ = job.reply.send(answer);
                }
            }
            outcome => {
                // Nothing was committed: every push in the group is told to try again.
                let message = match outcome {
                    Err(e) => e.to_string(),
                    Ok(_) => "the push was not run".to_string(),
                };
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
