package fr.agir.agreement.signature;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The seal Agir signs with (agir.signature.*): a PKCS#12 keystore holding the seal's private key
 * and certificate chain. Without a path, a development keystore is generated at start (never in
 * production: see the README). With a TSA URL, signatures are PAdES-BASELINE-T (timestamped).
 */
@Component
@ConfigurationProperties(prefix = "agir.signature")
public class SignatureProperties {
    /** The PKCS#12 keystore file; empty: a self-signed development keystore is generated at start. */
    private String keystorePath = "";
    private String keystorePassword = "";
    /** The alias of the seal's key entry; empty: the keystore's only key entry. */
    private String keystoreAlias = "";
    /** A RFC 3161 timestamping authority; empty: PAdES-BASELINE-B without timestamp. */
    private String tsaUrl = "";
    /** Where the development keystore is written (and reused at the next start) when no keystore is configured. */
    private String developmentKeystorePath = System.getProperty("java.io.tmpdir") + "/agir-dev-seal.p12";
    /** The place stated in the signatures. */
    private String location = "Bobigny";
    /** How long a one-time signature code sent by e-mail stays valid. */
    private Duration codeValidity = Duration.ofMinutes(10);
    /** Wrong tries a code accepts before a new one must be asked for. */
    private int codeMaxAttempts = 5;
    /** A new code cannot be asked for sooner than this after the last one. */
    private Duration codeResendDelay = Duration.ofSeconds(30);

    public String getKeystorePath() { return keystorePath; }
    public void setKeystorePath(String keystorePath) { this.keystorePath = keystorePath; }
    public String getKeystorePassword() { return keystorePassword; }
    public void setKeystorePassword(String keystorePassword) { this.keystorePassword = keystorePassword; }
    public String getKeystoreAlias() { return keystoreAlias; }
    public void setKeystoreAlias(String keystoreAlias) { this.keystoreAlias = keystoreAlias; }
    public String getTsaUrl() { return tsaUrl; }
    public void setTsaUrl(String tsaUrl) { this.tsaUrl = tsaUrl; }
    public String getDevelopmentKeystorePath() { return developmentKeystorePath; }
    public void setDevelopmentKeystorePath(String path) { this.developmentKeystorePath = path; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public Duration getCodeValidity() { return codeValidity; }
    public void setCodeValidity(Duration codeValidity) { this.codeValidity = codeValidity; }
    public int getCodeMaxAttempts() { return codeMaxAttempts; }
    public void setCodeMaxAttempts(int codeMaxAttempts) { this.codeMaxAttempts = codeMaxAttempts; }
    public Duration getCodeResendDelay() { return codeResendDelay; }
    public void setCodeResendDelay(Duration codeResendDelay) { this.codeResendDelay = codeResendDelay; }
}
