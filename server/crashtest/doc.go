// Package crashtest holds martdb's durability and crash-recovery test of
// the PostgreSQL wire server. It has no code of its own for other
// packages: its test builds the real binary (cli/martdb) once, serves a
// database file with `martdb serve`, drives writes into it from several
// pgx clients at once, kills the server with SIGKILL at a random moment,
// restarts it on the same file and checks what survived.
//
// # What is written
//
// Each client runs one kind of transaction, every one named by a unique
// id the test records before it is sent:
//
//   - single: one-row INSERTs, half in autocommit, half in BEGIN/COMMIT;
//   - pair: BEGIN, three rows into pair_a and two into pair_b, COMMIT;
//   - ctas: CREATE TABLE ctas_<id> AS SELECT over range(n), n known per id;
//   - copy: COPY copied FROM STDIN of a batch of n rows;
//   - rfm: INSERT INTO seg SELECT <id>, customer, segment FROM
//     rfm(orders, customer_id, ts, amount), over a fixed orders table;
//
// and one more client runs FORCE CHECKPOINT now and then, so that kills also
// land during checkpoints (the cycle also lowers checkpoint_threshold to
// make DuckDB checkpoint by itself more often).
//
// # What is checked after every restart
//
//   - the database opens, and the server answers;
//   - every transaction whose COMMIT (or autocommit statement) the client
//     saw acknowledged is there, whole;
//   - every transaction that failed with an error response is absent;
//   - a transaction in flight at the kill is present or absent, but whole:
//     pair transactions have all five rows or none, a CREATE TABLE AS table
//     exists with exactly its n rows or not at all, a COPY batch has its n
//     rows or none, an rfm batch one row per customer or none;
//   - its fate stays decided: one found present (absent) after a restart
//     is present (absent) after every later one;
//   - no row or table appears that no client ever sent.
//
// At the end the server is stopped with SIGTERM (a clean shutdown, which
// checkpoints) and the file is checked once more.
//
// # Scale
//
// CI runs 8 kill/restart cycles (about 25 s). More:
//
//	MARTDB_CRASH_CYCLES=200 go test ./server/crashtest -run Crash -v -timeout 60m
//
// MARTDB_CRASH_SEED=N replays a run's kill delays and table sizes (the
// seed is logged); the interleaving of clients is up to the scheduler, so
// a replay is not exact.
//
// # Durability of acknowledged commits
//
// DuckDB needs no CHECKPOINT and no setting for an acknowledged commit to
// survive: at COMMIT it appends the transaction to the write-ahead log
// (<file>.wal) and fsyncs it before returning, and the server sends
// CommandComplete only after that. An strace of one autocommit INSERT on
// ext4 shows write(wal) then fsync(wal) before the statement returns, and
// the file itself is written only at the checkpoint (on close, or once the
// WAL passes checkpoint_threshold, 16 MiB by default). There is no
// setting that trades the fsync away. A SIGKILL loses nothing the kernel
// already has, fsynced or not; the fsync is what carries a commit over a
// power loss, which this test cannot simulate. On the next open DuckDB
// replays the WAL, and a transaction whose WAL entry was cut short by the
// kill is dropped whole.
package crashtest
