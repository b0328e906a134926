package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import dev.nudge.enrollment.ContactRepository.NewContact;
import dev.nudge.sequence.Sequence;
import dev.nudge.sequence.SequenceCatalog;
import dev.nudge.store.Database;
import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Enrolling, stopping, resuming and looking up contacts' enrollments. */
public final class EnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);

    private final Database db;
    private final SequenceCatalog sequences;
    private final StepTimes times;
    private final Clock clock;
    private final ContactRepository contacts = new ContactRepository();
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final SuppressionRepository suppressions = new SuppressionRepository();
    private volatile WakeUp wakeUp = WakeUp.NONE;

    public EnrollmentService(Database db, SequenceCatalog sequences, StepTimes times, Clock clock) {
        this.db = db;
        this.sequences = sequences;
        this.times = times;
        this.clock = clock;
    }

    /** Lets the scheduler hear about work that is due sooner than it knew. */
    public void onDueWork(WakeUp wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** Passes on that work of {@code mailbox} is due at {@code at} (an import enrolled many at once). */
    void dueWork(String mailbox, Instant at) {
        wakeUp.dueAt(mailbox, at);
    }

    /**
     * Enrolls a contact. A contact already live in that sequence is refused
     * with {@link NudgeException.Conflict} and nothing is changed.
     */
    public Enrollment enroll(EnrollRequest request) {
        ContactInput.validate(request);
        Sequence sequence = sequences.get(request.sequence());
        Instant now = clock.instant();
        Enrollment created = db.inTransaction(tx -> {
            var suppressed = suppressions.find(tx, request.email());
            if (suppressed.isPresent()) {
                throw new NudgeException.Conflict(ContactRepository.normalise(request.email())
                        + " is on the suppression list (" + suppressed.get().describe() + "); nothing changed");
            }
            var existing = contacts.findByEmail(tx, request.email());
            if (existing.isPresent()) {
                refuseIfLive(tx, existing.get(), sequence);
            }
            Contact contact = contacts.save(tx, new NewContact(request.email(), request.firstName(),
                    request.lastName(), request.company(), request.fields()), now);
            Instant due = times.due(sequence, 1, now, null);
            long id = enrollments.insert(tx, contact.id(), sequence.name(), sequence.mailbox(), due, now);
            enrollments.event(tx, id, now, "enrolled", "Enrolled in " + sequence.name() + " ("
                    + sequence.steps().size() + " steps, mailbox " + sequence.mailbox() + "); step 1 due "
                    + due.truncatedTo(ChronoUnit.SECONDS));
            return enrollments.find(tx, id).orElseThrow();
        });
        log.info("enrolled enrollment={} contact={} sequence={} due={}", created.id(), created.contactEmail(),
                created.sequenceName(), created.nextDueAt());
        wakeUp.dueAt(created.mailbox(), created.nextDueAt());
        return created;
    }

    private void refuseIfLive(Tx tx, Contact contact, Sequence sequence) throws SQLException {
        var live = enrollments.findLive(tx, contact.id(), sequence.name());
        if (live.isPresent()) {
            Enrollment e = live.get();
            throw new NudgeException.Conflict(contact.email() + " is already " + e.status().name().toLowerCase()
                    + " in sequence " + sequence.name() + " (enrollment id: " + e.id() + ", next step "
                    + e.nextStep() + " due " + e.nextDueAt() + "); nothing changed");
        }
    }

    /** Stops the live enrollments the reference names (an enrollment id, or a contact's address). */
    public List<Enrollment> stop(String ref, String sequence) {
        Instant now = clock.instant();
        List<Enrollment> stopped = db.inTransaction(tx -> {
            List<Enrollment> done = new ArrayList<>();
            for (Enrollment e : resolve(tx, ref, sequence)) {
                if (e.status().live() && enrollments.move(tx, e.id(), EnrollmentStatus.STOPPED,
                        "stopped by the user", null, now)) {
                    enrollments.event(tx, e.id(), now, "stopped", "Stopped by the user");
                    done.add(enrollments.find(tx, e.id()).orElseThrow());
                }
            }
            return done;
        });
        if (stopped.isEmpty()) {
            throw new NudgeException.Conflict("Nothing to stop: no active or held enrollment for " + ref
                    + (sequence == null ? "" : " in sequence " + sequence));
        }
        stopped.forEach(e -> log.info("stopped enrollment={} contact={}", e.id(), e.contactEmail()));
        return stopped;
    }

    /** Puts held enrollments back to work; an overdue step goes out at the next dispatch. */
    public List<Enrollment> resume(String ref, String sequence) {
        Instant now = clock.instant();
        List<Enrollment> resumed = db.inTransaction(tx -> {
            List<Enrollment> done = new ArrayList<>();
            for (Enrollment e : resolve(tx, ref, sequence)) {
                Instant due = e.nextDueAt() == null || e.nextDueAt().isBefore(now) ? now : e.nextDueAt();
                if (e.status() == EnrollmentStatus.HELD
                        && enrollments.move(tx, e.id(), EnrollmentStatus.ACTIVE, null, due, now)) {
                    enrollments.event(tx, e.id(), now, "resumed", "Resumed by the user; step "
                            + e.nextStep() + " due " + due.truncatedTo(ChronoUnit.SECONDS));
                    done.add(enrollments.find(tx, e.id()).orElseThrow());
                }
            }
            return done;
        });
        if (resumed.isEmpty()) {
            throw new NudgeException.Conflict("Nothing to resume: no held enrollment for " + ref);
        }
        resumed.forEach(e -> {
            log.info("resumed enrollment={} due={}", e.id(), e.nextDueAt());
            wakeUp.dueAt(e.mailbox(), e.nextDueAt());
        });
        return resumed;
    }

    public List<Enrollment> list() {
        return db.inTransaction(enrollments::all);
    }

    public ContactHistory history(String ref) {
        return db.inTransaction(tx -> {
            Contact contact = contactOf(tx, ref);
            List<ContactHistory.Entry> entries = new ArrayList<>();
            for (Enrollment e : enrollments.forContact(tx, contact.id())) {
                entries.add(new ContactHistory.Entry(e, enrollments.events(tx, e.id())));
            }
            return new ContactHistory(contact, entries);
        });
    }

    public Contact contact(String email) {
        return db.inTransaction(tx -> contacts.findByEmail(tx, email).orElseThrow(
                () -> new NudgeException.NotFound("Contact not found (email: " + email + ")")));
    }

    private List<Enrollment> resolve(Tx tx, String ref, String sequence) throws SQLException {
        if (isId(ref)) {
            return List.of(byId(tx, ref));
        }
        Contact contact = contactOf(tx, ref);
        return enrollments.forContact(tx, contact.id()).stream()
                .filter(e -> sequence == null || e.sequenceName().equals(sequence))
                .toList();
    }

    private Contact contactOf(Tx tx, String ref) throws SQLException {
        if (isId(ref)) {
            return contacts.findById(tx, byId(tx, ref).contactId()).orElseThrow();
        }
        return contacts.findByEmail(tx, ref).orElseThrow(
                () -> new NudgeException.NotFound("Contact not found (email: " + ref + ")"));
    }

    private Enrollment byId(Tx tx, String ref) throws SQLException {
        return enrollments.find(tx, Long.parseLong(ref)).orElseThrow(
                () -> new NudgeException.NotFound("Enrollment not found (enrollment id: " + ref + ")"));
    }

    private static boolean isId(String ref) {
        return !ref.isEmpty() && ref.length() < 19 && ref.chars().allMatch(Character::isDigit);
    }
}
