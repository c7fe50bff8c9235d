package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.instruction.AgreementsAwaitingSignature;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instructors' "Conventions à signer": agreements waiting for the structure's signature (since they
 * were generated, with the reminders sent) or for the Département's countersignature (since the
 * structure signed). Access is checked by the caller ({@code InstructionQueue}).
 */
@Component
class AgreementSignatureQueue implements AgreementsAwaitingSignature {
    private final AgreementRepository agreements;
    private final SignatureReminderRepository reminders;
    private final ApplicationService applications;
    private final StructureService structures;

    AgreementSignatureQueue(AgreementRepository agreements, SignatureReminderRepository reminders,
                            ApplicationService applications, StructureService structures) {
        this.agreements = agreements;
        this.reminders = reminders;
        this.applications = applications;
        this.structures = structures;
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return agreements.countByStatusInAndInstrumentNot(List.of(Agreement.Status.TO_SIGN, Agreement.Status.SIGNED),
                LegalInstrument.ARRETE);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Waiting> all() {
        List<Agreement> waiting = Stream.concat(
                        agreements.findByStatusOrderBySignedAtAscIdAsc(Agreement.Status.TO_SIGN).stream(),
                        agreements.findByStatusOrderBySignedAtAscIdAsc(Agreement.Status.SIGNED).stream())
                .filter(a -> !a.isArrete()).toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        Set<Long> agreementIds = waiting.stream().map(Agreement::getId).collect(Collectors.toSet());
        Map<Long, SignatureReminder> reminderOf = reminders.findAllById(agreementIds).stream()
                .collect(Collectors.toMap(SignatureReminder::getAgreementId, Function.identity()));
        Map<Long, Application> applicationOf = applications.byIds(waiting.stream().map(Agreement::getApplicationId)
                .collect(Collectors.toSet()));
        Set<Long> structureIds = new HashSet<>();
        applicationOf.values().forEach(a -> structureIds.add(a.getStructureId()));
        Map<Long, Structure> structureOf = structures.byIds(structureIds);
        return waiting.stream().filter(a -> applicationOf.containsKey(a.getApplicationId())).map(a -> {
            Application application = applicationOf.get(a.getApplicationId());
            Structure structure = structureOf.get(application.getStructureId());
            boolean structureSigns = a.getStatus() == Agreement.Status.TO_SIGN;
            SignatureReminder reminder = structureSigns ? reminderOf.get(a.getId()) : null;
            return new Waiting(application.getId(), application.getReference(), application.getTitle(),
                    structure == null ? null : structure.getName(), a.getId(), a.getNumber(), a.getTotalAmount(),
                    structureSigns ? Awaiting.STRUCTURE : Awaiting.DEPARTEMENT,
                    structureSigns ? a.getGeneratedAt() : a.getSignedAt(),
                    reminder == null ? 0 : reminder.getRemindersSent(),
                    reminder == null ? null : reminder.getLastRemindedAt(),
                    reminder == null ? null : reminder.getOverdueSince());
        }).sorted(Comparator.comparing(Waiting::since, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Waiting::agreementId)).toList();
    }
}
