package dev.nudge.enrollment;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Contacts and their custom fields. */
public final class ContactRepository {

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
