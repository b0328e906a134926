package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each column of an import file means, read from its header: the email
 * address (required), first name, last name and company, and every other
 * column a custom field that templates read as {@code contact.fields.NAME}.
 */
final class ImportColumns {

    /** The column a rejected-rows file adds; ignored when such a file is imported again. */
    static final String REASON = "reason";

    // Compared without case, accents, spaces or punctuation; a few German, French and
    // Spanish names too, as a spreadsheet saved with semicolons often comes from there.
    private static final Set<String> EMAIL = Set.of("email", "emailaddress", "mail", "emailid", "emailadresse",
            "adresseemail", "courriel", "correo", "correoelectronico");
    private static final Set<String> FIRST = Set.of("firstname", "first", "givenname", "forename", "vorname",
            "prenom", "nombre");
    private static final Set<String> LAST = Set.of("lastname", "last", "surname", "familyname", "nachname", "nom",
            "apellido", "apellidos");
    private static final Set<String> COMPANY = Set.of("company", "companyname", "organization", "organisation",
            "org", "firma", "unternehmen", "societe", "entreprise", "empresa");

    private final List<String> header;
    private final int email;
    private final int firstName;
    private final int lastName;
    private final int company;
    private final Map<Integer, String> fields;
    private final int ignored;

    private ImportColumns(List<String> header, Map<String, Integer> known, Map<Integer, String> fields,
                          int ignored) {
        this.header = List.copyOf(header);
        this.email = known.get("email");
        this.firstName = known.getOrDefault("first", -1);
        this.lastName = known.getOrDefault("last", -1);
        this.company = known.getOrDefault("company", -1);
        this.fields = fields;
        this.ignored = ignored;
    }

    /**
     * Reads the header row. {@code rejectedFile} says the file is one Nudge wrote
     * (its last column, {@value #REASON}, is then not a custom field).
     */
    static ImportColumns of(List<String> header, boolean rejectedFile) {
        Map<String, Integer> known = new HashMap<>();
        Map<Integer, String> fields = new LinkedHashMap<>();
        int ignored = rejectedFile && header.get(header.size() - 1).trim().equalsIgnoreCase(REASON)
                ? header.size() - 1 : -1;
        for (int i = 0; i < header.size(); i++) {
            if (i == ignored) {
                continue;
            }
            String name = header.get(i).trim();
            String role = roleOf(name);
            if (role != null) {
                Integer earlier = known.putIfAbsent(role, i);
                if (earlier != null) {
                    throw new NudgeException.InvalidInput("Columns " + (earlier + 1) + " ('" + header.get(earlier)
                            + "') and " + (i + 1) + " ('" + name + "') both look like the " + role
                            + (role.equals("email") ? " address" : "") + "; keep one");
                }
            } else if (!name.isEmpty()) {
                fields.put(i, fieldName(name, i, fields));
            }
        }
        if (!known.containsKey("email")) {
            throw new NudgeException.InvalidInput("The first line must name the columns, one of them the email"
                    + " address (email, e-mail or Email Address); found: " + String.join(", ", header));
        }
        return new ImportColumns(header, known, fields, ignored);
    }

    private static String roleOf(String name) {
        String key = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (EMAIL.contains(key)) {
            return "email";
        }
        if (FIRST.contains(key)) {
            return "first";
        }
        if (LAST.contains(key)) {
            return "last";
        }
        return COMPANY.contains(key) ? "company" : null;
    }

    /** "Job Title" becomes job_title: templates need a plain name, and one rule for all is easy to guess. */
    private static String fieldName(String header, int index, Map<Integer, String> taken) {
        String name = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "field_" + name;
        }
        name = name.length() > 60 ? name.substring(0, 60) : name;
        if (taken.containsValue(name)) {
            throw new NudgeException.InvalidInput("Columns named like '" + header + "' appear twice (column "
                    + (index + 1) + "); templates could not tell them apart");
        }
        return name;
    }

    int width() {
        return header.size();
    }

    List<String> header() {
        return header;
    }

    int ignored() {
        return ignored;
    }

    /** The request one row makes; empty cells give nothing (stored values stay). */
    EnrollRequest request(List<String> row, String sequence) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> f : fields.entrySet()) {
            String v = row.get(f.getKey()).trim();
            if (!v.isEmpty()) {
                values.put(f.getValue(), v);
            }
        }
        return new EnrollRequest(row.get(email).trim(), cell(row, firstName), cell(row, lastName),
                cell(row, company), values, sequence);
    }

    private static String cell(List<String> row, int index) {
        if (index < 0) {
            return null;
        }
        String v = row.get(index).trim();
        return v.isEmpty() ? null : v;
    }

    /** How the header was read, for the report: "Email Address -> email, Job Title -> contact.fields.job_title". */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(header.get(email).trim() + " -> email");
        if (firstName >= 0) {
            lines.add(header.get(firstName).trim() + " -> first name");
        }
        if (lastName >= 0) {
            lines.add(header.get(lastName).trim() + " -> last name");
        }
        if (company >= 0) {
            lines.add(header.get(company).trim() + " -> company");
        }
        fields.forEach((i, name) -> lines.add(header.get(i).trim() + " -> contact.fields." + name));
        return lines;
    }
}
