package fr.agir.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard of webhook endpoints, applied when an endpoint is registered AND before every
 * attempt (after DNS resolution, so a name that later resolves inside our network is refused then):
 * the URL must be HTTPS and every address of its host public — not loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10, the cloud metadata address),
 * carrier-grade NAT (100.64/10), multicast or the wildcard — unless the host is in
 * {@code agir.webhooks.allowed-hosts}.
 *
 * <p>Residual risk, documented: between this check and the HTTP client's own resolution a hostile
 * DNS could change its answer (rebinding). Redirects are never followed, which closes the other door.
 */
@Component
public class EndpointUrlGuard {
    private final WebhookProperties properties;

    public EndpointUrlGuard(WebhookProperties properties) {
        this.properties = properties;
    }

    /** Why this URL is refused, in French, or empty when it may be called. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("Adresse invalide : saisissez une URL complète, par exemple https://exemple.fr/webhooks.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("Adresse invalide : saisissez une URL complète, par exemple https://exemple.fr/webhooks.");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("L'adresse ne doit pas contenir d'identifiant ni de mot de passe.");
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowed(bareHost)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("L'adresse doit commencer par https:// : les événements ne circulent que chiffrés.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            return Optional.of("Le nom « " + bareHost + " » ne correspond à aucune adresse.");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("L'adresse « " + bareHost + " » désigne un réseau interne ("
                        + address.getHostAddress() + ") : Agir n'y envoie rien.");
            }
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        return properties.allowedHosts().stream().anyMatch(h -> h.trim().equalsIgnoreCase(host));
    }

    static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        // IPv6 unique local (fc00::/7) and IPv4-mapped addresses.
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}
