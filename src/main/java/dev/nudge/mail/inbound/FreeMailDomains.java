package dev.nudge.mail.inbound;

import java.util.Locale;
import java.util.Set;

/**
 * Domains anyone can get an address at. A shared domain there says nothing
 * about working at the same company, so the company-domain rule never uses them.
 */
final class FreeMailDomains {

    private static final Set<String> DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com",
            "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "live.com", "msn.com",
            "icloud.com", "me.com", "mac.com", "aol.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
            "proton.me", "protonmail.com", "pm.me", "tutanota.com", "zoho.com", "yandex.com", "yandex.ru",
            "mail.ru", "qq.com", "163.com", "126.com", "orange.fr", "free.fr", "laposte.net", "libero.it",
            "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "fastmail.com", "hey.com", "mail.com");

    private FreeMailDomains() {
    }

    static boolean contains(String domain) {
        return domain == null || DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }

    static String domainOf(String address) {
        if (address == null || address.indexOf('@') < 0) {
            return null;
        }
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
