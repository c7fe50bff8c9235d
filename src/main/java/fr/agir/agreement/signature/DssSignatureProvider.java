package fr.agir.agreement.signature;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The built-in {@link SignatureProvider}: PAdES signatures made with the EU's DSS and Agir's seal
 * (the PKCS#12 keystore of {@link SignatureProperties}), BASELINE-B, or BASELINE-T when a TSA is
 * configured; validation by DSS trusting the seal's certificate chain.
 */
@Component
public class DssSignatureProvider implements SignatureProvider {
    private static final Logger log = LoggerFactory.getLogger(DssSignatureProvider.class);

    /** The seal's key and certificate chain (the chain is also the trust anchor of {@link #validate}). */
    private record Seal(Pkcs12SignatureToken token, DSSPrivateKeyEntry key, CommonTrustedCertificateSource trusted) {
        static Seal of(byte[] pkcs12, char[] password, String alias) {
            Pkcs12SignatureToken token = new Pkcs12SignatureToken(pkcs12, new KeyStore.PasswordProtection(password));
            List<DSSPrivateKeyEntry> keys = token.getKeys();
            DSSPrivateKeyEntry key = alias == null || alias.isBlank()
                    ? keys.stream().findFirst().orElseThrow(() -> new IllegalStateException(
                            "Le magasin de clés du cachet (agir.signature.keystore-path) ne contient aucune clé"))
                    : token.getKey(alias);
            if (key == null) {
                throw new IllegalStateException("Le magasin de clés du cachet ne contient pas l'alias " + alias);
            }
            // The seal's own chain is the trust anchor: Agir checks signatures it applied with its seal.
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            for (CertificateToken certificate : key.getCertificateChain()) {
                trusted.addCertificate(certificate);
            }
            return new Seal(token, key, trusted);
        }
    }

    private final java.util.function.Supplier<Seal> loader;
    private volatile Seal seal;
    /**
     * The PDFBox implementation DSS would find on the class path (dss-pades-pdfbox's first service), found
     * once: left to itself, each PAdESService looks it up with a ServiceLoader scan of every jar at every
     * signature (about a tenth of a signature's time, see docs/PERFORMANCE.md).
     */
    private final IPdfObjFactory pdfObjects = new PdfBoxNativeObjectFactory();
    private final String tsaUrl;
    private final Clock clock;

    /**
     * The configured seal is read and checked at start (a wrong path, password or alias stops Agir there). The
     * development seal, when its file does not exist yet, is generated at the first signature instead (issue 21:
     * its two RSA keys were about 7 % of the start's CPU, and most starts — tests, the benchmark — never sign).
     */
    @Autowired
    public DssSignatureProvider(SignatureProperties properties, Clock clock) {
        this(() -> Seal.of(keystore(properties), password(properties), properties.getKeystoreAlias()),
                properties.getTsaUrl(), clock);
        if (properties.getKeystorePath().isBlank()) {
            log.warn("AUCUN CACHET CONFIGURÉ (agir.signature.keystore-path) : les conventions sont signées avec un "
                    + "certificat de DÉVELOPPEMENT auto-signé ({}), sans valeur hors des tests. En production, "
                    + "configurez le magasin PKCS#12 du cachet du Département (voir le README).",
                    properties.getDevelopmentKeystorePath());
            if (Files.isRegularFile(Path.of(properties.getDevelopmentKeystorePath()))) {
                seal();
            }
        } else {
            seal();
        }
    }

    /** A provider sealing with the key {@code alias} (empty: the only key) of a PKCS#12 keystore. */
    public DssSignatureProvider(byte[] pkcs12, char[] password, String alias, String tsaUrl, Clock clock) {
        this(() -> Seal.of(pkcs12, password, alias), tsaUrl, clock);
        seal();
    }

    private DssSignatureProvider(java.util.function.Supplier<Seal> loader, String tsaUrl, Clock clock) {
        this.loader = loader;
        this.tsaUrl = tsaUrl == null ? "" : tsaUrl.trim();
        this.clock = clock;
    }

    private Seal seal() {
        Seal loaded = seal;
        if (loaded == null) {
            synchronized (this) {
                loaded = seal;
                if (loaded == null) {
                    loaded = loader.get();
                    seal = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public byte[] sign(byte[] pdf, String signer, String reason, String location) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(tsaUrl.isEmpty() ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        Seal seal = seal();
        parameters.setSigningCertificate(seal.key().getCertificate());
        parameters.setCertificateChain(seal.key().getCertificateChain());
        parameters.setSignerName(signer);
        parameters.setReason(reason);
        parameters.setLocation(location);
        parameters.setContactInfo("Département de la Seine-Saint-Denis — Agir");
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        // The whole chain goes into the signature, so that any validator finds the seal's certificate
        // (a verifier trusting it would leave trust anchors out: the B-level trust-anchor policy).
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(pdfObjects);
        if (!tsaUrl.isEmpty()) {
            service.setTspSource(new OnlineTSPSource(tsaUrl));
        }
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        SignatureValue value = seal.token().sign(toBeSigned, parameters.getDigestAlgorithm(), seal.key());
        DSSDocument signed = service.signDocument(document, parameters, value);
        try (var in = signed.openStream(); var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Lecture du PDF signé impossible", e);
        }
    }

    @Override
    public SignatureReport validate(byte[] pdf) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier());
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureReport.Check> checks = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            CertificateWrapper certificate = signature.getSigningCertificate();
            Indication indication = simple.getIndication(id);
            SubIndication subIndication = simple.getSubIndication(id);
            checks.add(new SignatureReport.Check(
                    signature.getSignerName(),
                    signature.getReason(),
                    signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant(),
                    certificate == null ? null : certificate.getCertificateDN(),
                    signature.isSignatureIntact() && signature.isSignatureValid(),
                    indication == null ? null : indication.name(),
                    subIndication == null ? null : subIndication.name()));
        }
        checks.sort(Comparator.comparing(SignatureReport.Check::signingTime,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new SignatureReport(List.copyOf(checks));
    }

    private CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(seal().trusted());
        return verifier;
    }

    private static char[] password(SignatureProperties properties) {
        return properties.getKeystorePath().isBlank() ? DEVELOPMENT_PASSWORD.toCharArray()
                : properties.getKeystorePassword().toCharArray();
    }

    private static final String DEVELOPMENT_PASSWORD = "agir-developpement";

    /** The configured keystore, or the development one (generated once, then reused). */
    private static byte[] keystore(SignatureProperties properties) {
        try {
            if (!properties.getKeystorePath().isBlank()) {
                return Files.readAllBytes(Path.of(properties.getKeystorePath()));
            }
            Path development = Path.of(properties.getDevelopmentKeystorePath());
            if (Files.isRegularFile(development)) {
                return Files.readAllBytes(development);
            }
            byte[] generated = SealPki.generate("Département de la Seine-Saint-Denis",
                    "Cachet Agir (développement)", DEVELOPMENT_PASSWORD.toCharArray());
            Files.createDirectories(development.toAbsolutePath().getParent());
            Files.write(development, generated);
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("Magasin de clés du cachet illisible : " + e.getMessage(), e);
        }
    }
}
