package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import dev.nudge.Progress;
import dev.nudge.enrollment.ContactRepository.NewContact;
import dev.nudge.sequence.Sequence;
import dev.nudge.sequence.SequenceCatalog;
import dev.nudge.store.Database;
import dev.nudge.store.Tx;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls the contacts of a CSV file into a sequence, a thousand rows per
 * transaction. Every row is checked as {@code enroll} checks one contact; a
 * row that cannot go in is skipped, counted by reason and written to
 * FILE.rejected.csv, and the good rows go in. Due times are those
 * {@code enroll} gives, and the scheduler is woken once at the end.
 */
public final class ContactImport {

    private static final Logger log = LoggerFactory.getLogger(ContactImport.class);
    static final int BATCH = 1_000;

    private final Database db;
    private final SequenceCatalog sequences;
    private final StepTimes times;
    private final Clock clock;
    private final EnrollmentService enrollments;
    private final ContactRepository contacts = new ContactRepository();
    private final EnrollmentRepository enrollmentRows = new EnrollmentRepository();
    private final SuppressionRepository suppressions = new SuppressionRepository();

    public ContactImport(Database db, SequenceCatalog sequences, StepTimes times, Clock clock,
                         EnrollmentService enrollments) {
        this.db = db;
        this.sequences = sequences;
        this.times = times;
        this.clock = clock;
        this.enrollments = enrollments;
    }

    /** A row that passed the checks that need no database. */
    private record Candidate(long line, List<String> fields, EnrollRequest request, String email) {
    }

    /** A row the database refused; counted only once its batch has committed. */
    private record Refusal(Candidate row, ImportReport.Reason reason, String detail) {
    }

    private record Outcome(List<Candidate> going, List<Refusal> refused) {
    }

    /**
     * Imports {@code file} into {@code sequence}; with {@code dryRun} checks
     * everything against the database and changes nothing there (the rejected
     * rows are still written). Throws {@link NudgeException.InvalidInput} when
     * the file cannot be read or has no email column, before anything is enrolled.
     */
    public ImportReport importFile(Path file, String sequence, boolean dryRun, Progress.Listener progress) {
        Sequence seq = sequences.get(sequence);
        long size = sizeOf(file);
        Utf8Check.require(file);
        try (CountingStream bytes = new CountingStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8),
                     1 << 16)) {
            CsvReader csv = CsvReader.open(reader);
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw new NudgeException.InvalidInput(file + " is empty; its first line must name the columns,"
                        + " one of them the email address");
            }
            ImportColumns columns = ImportColumns.of(header.fields(), RejectedRows.fileFor(file).equals(file));
            Run run = new Run(seq, columns, dryRun, file.getFileName().toString());
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                run.read(row);
                if (run.batch.size() >= BATCH) {
                    run.flush();
                    progress.at(run.rows, size == 0 ? 1 : (double) bytes.count / size);
                }
            }
            run.flush();
            progress.at(run.rows, 1);
            Path rejected = run.rejected.write(file, columns.header(), columns.ignored(), csv.delimiter());
            ImportReport report = new ImportReport(file, seq.name(), dryRun, run.rows, run.enrolled,
                    run.rejected.counts(), rejected, columns.describe(), run.firstDue);
            log.info("imported file={} sequence={} rows={} enrolled={} skipped={} dryRun={}", file.getFileName(),
                    seq.name(), run.rows, run.enrolled, report.skippedTotal(), dryRun);
            if (run.firstDue != null) {
                enrollments.dueWork(seq.mailbox(), run.firstDue);
            }
            return report;
        } catch (IOException e) {
            throw new NudgeException.InvalidInput("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new NudgeException.InvalidInput("Cannot read " + file + ": " + (Files.exists(file)
                    ? e.getMessage() : "no such file"));
        }
    }

    /** One import's state: the batch being filled, what was seen, what was skipped. */
    private final class Run {
        private final Sequence sequence;
        private final ImportColumns columns;
        private final boolean dryRun;
        private final String fileName;
        private final Map<String, Long> seen = new HashMap<>();
        private final RejectedRows rejected = new RejectedRows();
        private List<Candidate> batch = new ArrayList<>();
        private long rows;
        private long enrolled;
        private Instant firstDue;

        Run(Sequence sequence, ImportColumns columns, boolean dryRun, String fileName) {
            this.sequence = sequence;
            this.columns = columns;
            this.dryRun = dryRun;
            this.fileName = fileName;
        }

        void read(CsvReader.Row row) {
            rows++;
            if (row.problem() != null) {
                rejected.add(row.line(), row.fields(), ImportReport.Reason.BAD_QUOTING, row.problem());
                return;
            }
            if (row.fields().size() != columns.width()) {
                rejected.add(row.line(), row.fields(), ImportReport.Reason.FIELD_COUNT, row.fields().size()
                        + " fields where the header has " + columns.width());
                return;
            }
            EnrollRequest request = columns.request(row.fields(), sequence.name());
            ContactInput.Problem problem = ContactInput.problem(request);
            if (problem != null) {
                rejected.add(row.line(), row.fields(), reasonOf(problem.kind()), problem.message());
                return;
            }
            String email = ContactRepository.normalise(request.email());
            Long earlier = seen.putIfAbsent(email, row.line());
            if (earlier != null) {
                rejected.add(row.line(), row.fields(), ImportReport.Reason.DUPLICATE, email
                        + " is already on line " + earlier);
                return;
            }
            batch.add(new Candidate(row.line(), row.fields(), request, email));
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Candidate> work = batch;
            batch = new ArrayList<>();
            Instant now = clock.instant();
            Instant due = times.due(sequence, 1, now, null);
            Outcome outcome = enrollWithRetry(work, now, due);
            outcome.refused().forEach(r -> rejected.add(r.row().line(), r.row().fields(), r.reason(), r.detail()));
            List<Candidate> going = outcome.going();
            enrolled += going.size();
            if (!going.isEmpty() && (firstDue == null || due.isBefore(firstDue))) {
                firstDue = due;
            }
        }

        /** A contact enrolled by someone else between our look-up and our insert fails the batch: look again once. */
        private Outcome enrollWithRetry(List<Candidate> work, Instant now, Instant due) {
            try {
                return db.inTransaction(tx -> enroll(tx, work, now, due));
            } catch (NudgeException e) {
                if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                    throw e;
                }
                return db.inTransaction(tx -> enroll(tx, work, now, due));
            }
        }

        private Outcome enroll(Tx tx, List<Candidate> work, Instant now, Instant due) throws SQLException {
            List<String> emails = work.stream().map(Candidate::email).toList();
            Map<String, Suppression> suppressed = suppressions.findAll(tx, emails);
            Map<String, Long> existing = contacts.idsByEmail(tx, emails);
            Map<Long, Enrollment> live = enrollmentRows.liveIn(tx, sequence.name(), existing.values());
            List<Candidate> going = new ArrayList<>();
            List<Refusal> refused = new ArrayList<>();
            for (Candidate c : work) {
                Suppression s = suppressed.get(c.email());
                Enrollment e = existing.containsKey(c.email()) ? live.get(existing.get(c.email())) : null;
                if (s != null) {
                    refused.add(new Refusal(c, ImportReport.Reason.SUPPRESSED, c.email()
                            + " is on the suppression list (" + s.describe() + ")"));
                } else if (e != null) {
                    refused.add(new Refusal(c, ImportReport.Reason.ALREADY_ENROLLED, c.email() + " is already "
                            + e.status().name().toLowerCase(java.util.Locale.ROOT) + " in sequence "
                            + sequence.name() + " (enrollment id: " + e.id() + ")"));
                } else {
                    going.add(c);
                }
            }
            if (!dryRun && !going.isEmpty()) {
                insert(tx, going, existing, now, due);
            }
            return new Outcome(going, refused);
        }

        private void insert(Tx tx, List<Candidate> going, Map<String, Long> existing, Instant now, Instant due)
                throws SQLException {
            List<NewContact> people = going.stream().map(c -> new NewContact(c.email(), c.request().firstName(),
                    c.request().lastName(), c.request().company(), c.request().fields())).toList();
            Map<String, Long> ids = contacts.saveAll(tx, people, existing, now);
            enrollmentRows.insertAll(tx, going.stream().map(c -> ids.get(c.email())).toList(), sequence.name(),
                    sequence.mailbox(), due, now, "Enrolled in " + sequence.name() + " by import of " + fileName
                            + " (" + sequence.steps().size() + " steps, mailbox " + sequence.mailbox()
                            + "); step 1 due " + due.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private static ImportReport.Reason reasonOf(ContactInput.Kind kind) {
        return switch (kind) {
            case ADDRESS -> ImportReport.Reason.INVALID_ADDRESS;
            case FIELD_NAME -> throw new IllegalStateException("column names are made valid field names");
            case CONTROL_CHARACTER -> ImportReport.Reason.CONTROL_CHARACTER;
            case TOO_LONG -> ImportReport.Reason.TOO_LONG;
        };
    }

    /** Counts the bytes read, for the progress shown. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
