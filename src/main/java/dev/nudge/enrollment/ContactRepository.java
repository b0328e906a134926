package dev.nudge.enrollment;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Contacts and their custom fields. */
public final class ContactRepository {

    private static final int IN_SLICE = 100;
    private static final String SELECT = "SELECT id, email, first_name, last_name, company FROM contact ";

    public Optional<Contact> findByEmail(Tx tx, String email) throws SQLException {
        Optional<Contact> bare = tx.queryOne(SELECT + "WHERE email = :email",
                rs -> new Contact(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("company"), Map.of()),
                "email", normalise(email));
        return bare.isPresent() ? Optional.of(withFields(tx, bare.get())) : Optional.empty();
    }

    public Optional<Contact> findById(Tx tx, long id) throws SQLException {
        Optional<Contact> bare = tx.queryOne(SELECT + "WHERE id = :id",
                rs -> new Contact(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("company"), Map.of()),
                "id", id);
        return bare.isPresent() ? Optional.of(withFields(tx, bare.get())) : Optional.empty();
    }

    /**
     * Creates the contact, or updates the attributes that are given (non-null)
     * on an existing one; custom fields given replace those of the same name.
     */
    public Contact save(Tx tx, NewContact c, Instant now) throws SQLException {
        Optional<Contact> existing = findByEmail(tx, c.email());
        long id;
        if (existing.isEmpty()) {
            id = tx.insert("INSERT INTO contact (email, first_name, last_name, company, created_at, updated_at) "
                            + "VALUES (:email, :first, :last, :company, :now, :now)",
                    "email", normalise(c.email()), "first", c.firstName(), "last", c.lastName(),
                    "company", c.company(), "now", now);
        } else {
            id = existing.get().id();
            tx.update("UPDATE contact SET first_name = COALESCE(:first, first_name), "
                            + "last_name = COALESCE(:last, last_name), company = COALESCE(:company, company), "
                            + "updated_at = :now WHERE id = :id",
                    "first", c.firstName(), "last", c.lastName(), "company", c.company(), "now", now, "id", id);
        }
        for (Map.Entry<String, String> field : c.fields().entrySet()) {
            tx.update("DELETE FROM contact_field WHERE contact_id = :id AND name = :name",
                    "id", id, "name", field.getKey());
            tx.update("INSERT INTO contact_field (contact_id, name, field_value) VALUES (:id, :name, :value)",
                    "id", id, "name", field.getKey(), "value", field.getValue());
        }
        return findById(tx, id).orElseThrow();
    }

    /** The ids of the contacts among {@code emails} (normalised) that exist: one query for a batch. */
    public Map<String, Long> idsByEmail(Tx tx, Collection<String> emails) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> slice : Tx.slices(emails, IN_SLICE)) {
            tx.query("SELECT id, email FROM contact WHERE email IN (:emails)",
                    rs -> ids.put(rs.getString("email"), rs.getLong("id")), "emails", slice);
        }
        return ids;
    }

    /**
     * Saves many contacts as {@link #save} does one, in a few batched statements:
     * new ones are inserted, the given attributes of {@code existing} ones
     * (normalised email to id) updated, and custom fields replaced by name.
     * Returns every contact's id by normalised email.
     */
    public Map<String, Long> saveAll(Tx tx, List<NewContact> contacts, Map<String, Long> existing, Instant now)
            throws SQLException {
        List<Object[]> inserts = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (NewContact c : contacts) {
            String email = normalise(c.email());
            Long id = existing.get(email);
            if (id == null) {
                inserted.add(email);
                inserts.add(new Object[] {"email", email, "first", c.firstName(), "last", c.lastName(),
                    "company", c.company(), "now", now});
            } else if (c.firstName() != null || c.lastName() != null || c.company() != null) {
                updates.add(new Object[] {"first", c.firstName(), "last", c.lastName(), "company", c.company(),
                    "now", now, "id", id});
            }
        }
        List<Long> newIds = tx.batchInsert("INSERT INTO contact (email, first_name, last_name, company, created_at, "
                + "updated_at) VALUES (:email, :first, :last, :company, :now, :now)", inserts);
        tx.batch("UPDATE contact SET first_name = COALESCE(:first, first_name), "
                + "last_name = COALESCE(:last, last_name), company = COALESCE(:company, company), "
                + "updated_at = :now WHERE id = :id", updates);
        Map<String, Long> ids = new HashMap<>(existing);
        for (int i = 0; i < inserted.size(); i++) {
            ids.put(inserted.get(i), newIds.get(i));
        }
        replaceFields(tx, contacts, existing, ids);
        return ids;
    }

    private static void replaceFields(Tx tx, List<NewContact> contacts, Map<String, Long> existing,
                                      Map<String, Long> ids) throws SQLException {
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (NewContact c : contacts) {
            String email = normalise(c.email());
            for (Map.Entry<String, String> field : c.fields().entrySet()) {
                Object[] row = {"id", ids.get(email), "name", field.getKey(), "value", field.getValue()};
                if (existing.containsKey(email)) {
                    deletes.add(row);
                }
                inserts.add(row);
            }
        }
        tx.batch("DELETE FROM contact_field WHERE contact_id = :id AND name = :name", deletes);
        tx.batch("INSERT INTO contact_field (contact_id, name, field_value) VALUES (:id, :name, :value)", inserts);
    }

    private Contact withFields(Tx tx, Contact c) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        tx.query("SELECT name, field_value FROM contact_field WHERE contact_id = :id ORDER BY name",
                rs -> fields.put(rs.getString("name"), rs.getString("field_value")), "id", c.id());
        return new Contact(c.id(), c.email(), c.firstName(), c.lastName(), c.company(), Map.copyOf(fields));
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** What the user gives when enrolling; null attributes leave stored values alone. */
    public record NewContact(String email, String firstName, String lastName, String company,
                             Map<String, String> fields) {
    }
}
