"""Writes the BPMN files of bpmn/ with a diagram (BPMN DI) laid out on a grid.

The models are then ordinary BPMN files: open and edit them in Camunda Modeler.
This script only exists so that the first version of each diagram is laid out
consistently; rerun it (python3 tools/bpmn_layout.py) only if you want to
regenerate them from the definitions below, which overwrites manual edits.

    python3 tools/bpmn_layout.py application-lifecycle grant-year   # only these files

Only application-lifecycle and grant-year are kept in step with bpmn/ here; the other
definitions below are their first versions (bpmn/ has moved on since): name the files to write.
"""
import os
import sys
from xml.sax.saxutils import escape

SIZES = {"start": (36, 36), "end": (36, 36), "timer": (36, 36), "message": (36, 36),
         "boundary": (36, 36), "xor": (50, 50), "user": (100, 80), "service": (100, 80),
         "rule": (100, 80), "call": (100, 80)}
TAGS = {"start": "startEvent", "end": "endEvent", "timer": "intermediateCatchEvent",
        "message": "intermediateCatchEvent", "boundary": "boundaryEvent", "xor": "exclusiveGateway",
        "user": "userTask", "service": "serviceTask", "rule": "businessRuleTask", "call": "callActivity"}


class Node:
    def __init__(self, id, kind, name, cx, cy, attrs=None, body="", attached=None, offset=0):
        self.id, self.kind, self.name, self.cx, self.cy = id, kind, name, cx, cy
        self.attrs, self.body, self.attached, self.offset = attrs or {}, body, attached, offset
        self.w, self.h = SIZES[kind]

    @property
    def left(self): return self.cx - self.w // 2
    @property
    def right(self): return self.cx + self.w // 2
    @property
    def top(self): return self.cy - self.h // 2
    @property
    def bottom(self): return self.cy + self.h // 2


def timer(kind, expr):
    return (f'<bpmn:timerEventDefinition><bpmn:{kind} xsi:type="bpmn:tFormalExpression">'
            f'{escape(expr)}</bpmn:{kind}></bpmn:timerEventDefinition>')


def cond(expr):
    return f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(expr)}</bpmn:conditionExpression>'


ONLY = set()


def write(path, pid, name, nodes, flows, messages=(), doc="", extra_sem="", extra_di=""):
    """extra_sem / extra_di: raw BPMN (e.g. an event sub-process) and its diagram, written as given."""
    if ONLY and pid not in ONLY:
        return
    by_id = {n.id: n for n in nodes}
    for n in nodes:
        if n.attached:
            host = by_id[n.attached]
            n.cx, n.cy = host.cx + n.offset, host.bottom
    sem, di = [], []
    if doc:
        sem.append(f'<bpmn:documentation>{escape(doc)}</bpmn:documentation>')
    for n in nodes:
        attrs = {"id": n.id, "name": n.name, **n.attrs}
        if n.attached:
            attrs["attachedToRef"] = n.attached
        a = " ".join(f'{k}="{escape(v, {chr(34): "&quot;"})}"' for k, v in attrs.items())
        sem.append(f'<bpmn:{TAGS[n.kind]} {a}>{n.body}</bpmn:{TAGS[n.kind]}>')
        extra = ' isMarkerVisible="true"' if n.kind == "xor" else ""
        di.append(f'<bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{extra}>'
                  f'<dc:Bounds x="{n.left}" y="{n.top}" width="{n.w}" height="{n.h}" />'
                  + ('<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="90" height="40" /></bpmndi:BPMNLabel>'
                     % (n.cx - 45, n.bottom + 5) if n.kind not in ("user", "service", "rule", "call") else "")
                  + '</bpmndi:BPMNShape>')
    for f in flows:
        fid, src, tgt = f[0], by_id[f[1]], by_id[f[2]]
        fname = f[3] if len(f) > 3 else None
        fcond = f[4] if len(f) > 4 else None
        route = f[5] if len(f) > 5 else None
        a = f'id="{fid}" sourceRef="{src.id}" targetRef="{tgt.id}"'
        if fname:
            a += f' name="{escape(fname)}"'
        sem.append(f'<bpmn:sequenceFlow {a}>{cond(fcond) if fcond else ""}</bpmn:sequenceFlow>')
        if route and route[0] == "right-down":
            # run right along the source's row, then down (or up) into the target's top (or bottom)
            ty = tgt.top if tgt.cy > src.cy else tgt.bottom
            pts = [(src.right, src.cy), (tgt.cx, src.cy), (tgt.cx, ty)]
        elif route and route[0] == "back-left":
            # leave by the left side, run back along the source's row, climb into the target from below
            pts = [(src.left, src.cy), (tgt.cx, src.cy), (tgt.cx, tgt.bottom)]
        elif route and route[0] in ("over", "under"):
            y = route[1]
            sy = src.top if route[0] == "over" else src.bottom
            ty = tgt.top if route[0] == "over" else tgt.bottom
            pts = [(src.cx, sy), (src.cx, y), (tgt.cx, y), (tgt.cx, ty)]
        elif src.kind == "boundary":
            pts = [(src.cx, src.bottom), (src.cx, tgt.cy), (tgt.left, tgt.cy)]
        elif src.cy == tgt.cy:
            pts = [(src.right, src.cy), (tgt.left, tgt.cy)]
        elif src.kind == "xor":
            sy = src.bottom if tgt.cy > src.cy else src.top
            pts = [(src.cx, sy), (src.cx, tgt.cy), (tgt.left, tgt.cy)]
        else:
            mx = (src.right + tgt.left) // 2
            pts = [(src.right, src.cy), (mx, src.cy), (mx, tgt.cy), (tgt.left, tgt.cy)]
        wps = "".join(f'<di:waypoint x="{x}" y="{y}" />' for x, y in pts)
        label = ""
        if fname:
            lx, ly = pts[1] if len(pts) > 2 else pts[0]
            if route and route[0] == "back-left":
                lx, ly = (pts[0][0] + pts[1][0]) // 2 - 40, pts[0][1] + 26
            label = f'<bpmndi:BPMNLabel><dc:Bounds x="{lx + 4}" y="{ly - 22}" width="80" height="27" /></bpmndi:BPMNLabel>'
        di.append(f'<bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{wps}{label}</bpmndi:BPMNEdge>')
    msgs = "".join(f'<bpmn:message id="{mid}" name="{mname}" />' for mid, mname in messages)
    xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_{pid.replace('-', '_')}" targetNamespace="http://agir.fr/bpmn" exporter="Agir tools/bpmn_layout.py" exporterVersion="1" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
<bpmn:process id="{pid}" name="{escape(name)}" isExecutable="true" camunda:historyTimeToLive="P3650D">
{chr(10).join(sem)}{extra_sem}
</bpmn:process>
{msgs}
<bpmndi:BPMNDiagram id="BPMNDiagram_{pid.replace('-', '_')}"><bpmndi:BPMNPlane id="BPMNPlane_{pid.replace('-', '_')}" bpmnElement="{pid}">
{chr(10).join(di)}{extra_di}
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
'''
    with open(path, "w", encoding="utf-8") as out:
        out.write(xml)


TERMINATE = "<bpmn:terminateEventDefinition />"


def user(id, name, cx, cy, group, form, extra="", due=None):
    attrs = {"camunda:candidateGroups": group}
    if due:
        attrs["camunda:dueDate"] = due
    attrs.update({"camunda:formRef": form, "camunda:formRefBinding": "latest", "camunda:asyncAfter": "true"})
    return Node(id, "user", name, cx, cy, attrs, extra)


def service(id, name, cx, cy, bean, async_before=False):
    attrs = {"camunda:delegateExpression": "${" + bean + "}"}
    if async_before:
        attrs["camunda:asyncBefore"] = "true"
    return Node(id, "service", name, cx, cy, attrs)


def call(id, name, cx, cy, called, ins, mi=None):
    body = "<bpmn:extensionElements>"
    body += '<camunda:in businessKey="#{execution.processBusinessKey}" />'
    for src, tgt in ins:
        if src.startswith("${"):
            body += f'<camunda:in sourceExpression="{escape(src)}" target="{tgt}" />'
        else:
            body += f'<camunda:in source="{src}" target="{tgt}" />'
    body += "</bpmn:extensionElements>"
    if mi:
        seq = "true" if mi[0] == "sequential" else "false"
        done = (f'<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">{escape(mi[3])}'
                f'</bpmn:completionCondition>') if len(mi) > 3 else ""
        body += (f'<bpmn:multiInstanceLoopCharacteristics isSequential="{seq}" '
                 f'camunda:collection="{mi[1]}" camunda:elementVariable="{mi[2]}"'
                 + (f'>{done}</bpmn:multiInstanceLoopCharacteristics>' if done else ' />'))
    return Node(id, "call", name, cx, cy, {"calledElement": called, "camunda:calledElementBinding": "latest"}, body)


# The lifecycle's interrupting event sub-process "Candidature retirée", as written by hand in bpmn/.
WITHDRAWAL_SEM = """
<bpmn:subProcess id="Activity_Withdrawal" name="Candidature retirée" triggeredByEvent="true">
<bpmn:documentation>La structure retire sa candidature avant la décision de la Commission permanente : où qu'en soit le dossier (recevabilité, avis, synthèse, jury, vote), son cycle de vie s'arrête. Agir a déjà noté le retrait et sa raison (ApplicationService.withdraw, même transaction).</bpmn:documentation>
<bpmn:startEvent id="Event_WithdrawalRequested" name="Retrait demandé par la structure" isInterrupting="true"><bpmn:messageEventDefinition messageRef="Message_Withdrawn" /></bpmn:startEvent>
<bpmn:endEvent id="Event_Withdrawn" name="Instruction arrêtée"></bpmn:endEvent>
<bpmn:sequenceFlow id="Flow_ToWithdrawn" sourceRef="Event_WithdrawalRequested" targetRef="Event_Withdrawn"></bpmn:sequenceFlow>
</bpmn:subProcess>"""
WITHDRAWAL_DI = """
<bpmndi:BPMNShape id="Activity_Withdrawal_di" bpmnElement="Activity_Withdrawal" isExpanded="true"><dc:Bounds x="850" y="420" width="300" height="140" /></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="Event_WithdrawalRequested_di" bpmnElement="Event_WithdrawalRequested"><dc:Bounds x="902" y="472" width="36" height="36" /><bpmndi:BPMNLabel><dc:Bounds x="875" y="513" width="90" height="40" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="Event_Withdrawn_di" bpmnElement="Event_Withdrawn"><dc:Bounds x="1062" y="472" width="36" height="36" /><bpmndi:BPMNLabel><dc:Bounds x="1035" y="513" width="90" height="40" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
<bpmndi:BPMNEdge id="Flow_ToWithdrawn_di" bpmnElement="Flow_ToWithdrawn"><di:waypoint x="938" y="490" /><di:waypoint x="1062" y="490" /></bpmndi:BPMNEdge>"""


# A later délibération (issue 15): the grant withdrawn (interrupting) or amended (non-interrupting); each
# sub-process applies it, then notifies the structure (a letter, after a save point).
REVISION_SEM = """
<bpmn:subProcess id="Activity_GrantWithdrawal" name="Subvention retirée" triggeredByEvent="true">
<bpmn:documentation>Une délibération de la Commission permanente retire la subvention votée : où qu'en soit le dossier (signature, années de subvention, paiements), son cycle de vie s'arrête. Agir a déjà enregistré la délibération (DecisionRevisionService, même transaction) ; la tâche annule ce qui n'est pas encore payé et clôt le dossier comme retiré.</bpmn:documentation>
<bpmn:startEvent id="Event_GrantWithdrawalVoted" name="Retrait voté par délibération" isInterrupting="true"><bpmn:messageEventDefinition messageRef="Message_GrantWithdrawn" /></bpmn:startEvent>
<bpmn:serviceTask id="Task_CloseWithdrawnGrant" name="Clore la subvention retirée" camunda:delegateExpression="${closeWithdrawnGrantDelegate}"></bpmn:serviceTask>
<bpmn:serviceTask id="Task_NotifyWithdrawal" name="Notifier le retrait" camunda:delegateExpression="${sendDecisionLetterDelegate}" camunda:asyncBefore="true"></bpmn:serviceTask>
<bpmn:endEvent id="Event_GrantWithdrawn" name="Subvention retirée"></bpmn:endEvent>
<bpmn:sequenceFlow id="Flow_ToCloseWithdrawnGrant" sourceRef="Event_GrantWithdrawalVoted" targetRef="Task_CloseWithdrawnGrant"></bpmn:sequenceFlow>
<bpmn:sequenceFlow id="Flow_ToNotifyWithdrawal" sourceRef="Task_CloseWithdrawnGrant" targetRef="Task_NotifyWithdrawal"></bpmn:sequenceFlow>
<bpmn:sequenceFlow id="Flow_ToGrantWithdrawn" sourceRef="Task_NotifyWithdrawal" targetRef="Event_GrantWithdrawn"></bpmn:sequenceFlow>
</bpmn:subProcess>
<bpmn:subProcess id="Activity_DecisionAmendment" name="Délibération modificative" triggeredByEvent="true">
<bpmn:documentation>Une délibération modifie les montants ou la durée de la subvention. Avant la signature de la convention par la structure, ou avant la liquidation du versement d'un arrêté : l'acte est régénéré avec les nouveaux montants ; le dossier reste à son étape (la structure signe la nouvelle version). Une convention déjà signée ne change pas : la nouvelle décision plafonne l'avenant qui l'appliquera.</bpmn:documentation>
<bpmn:startEvent id="Event_DecisionAmendmentVoted" name="Délibération modificative votée" isInterrupting="false"><bpmn:messageEventDefinition messageRef="Message_DecisionAmended" /></bpmn:startEvent>
<bpmn:serviceTask id="Task_ApplyAmendmentToAct" name="Appliquer la modification à l'acte" camunda:delegateExpression="${applyAmendmentToActDelegate}"></bpmn:serviceTask>
<bpmn:serviceTask id="Task_NotifyAmendment" name="Notifier la modification" camunda:delegateExpression="${sendDecisionLetterDelegate}" camunda:asyncBefore="true"></bpmn:serviceTask>
<bpmn:endEvent id="Event_ActAmended" name="Acte modifié"></bpmn:endEvent>
<bpmn:sequenceFlow id="Flow_ToApplyAmendment" sourceRef="Event_DecisionAmendmentVoted" targetRef="Task_ApplyAmendmentToAct"></bpmn:sequenceFlow>
<bpmn:sequenceFlow id="Flow_ToNotifyAmendment" sourceRef="Task_ApplyAmendmentToAct" targetRef="Task_NotifyAmendment"></bpmn:sequenceFlow>
<bpmn:sequenceFlow id="Flow_ToActAmended" sourceRef="Task_NotifyAmendment" targetRef="Event_ActAmended"></bpmn:sequenceFlow>
</bpmn:subProcess>"""


def _revision_di(sub, start, task, notify, end, flow_in, flow_mid, flow_out, x):
    y = 420
    return (f'\n<bpmndi:BPMNShape id="{sub}_di" bpmnElement="{sub}" isExpanded="true"><dc:Bounds x="{x}" y="{y}" '
            f'width="460" height="140" /></bpmndi:BPMNShape>'
            f'\n<bpmndi:BPMNShape id="{start}_di" bpmnElement="{start}"><dc:Bounds x="{x + 32}" y="{y + 52}" width="36" '
            f'height="36" /><bpmndi:BPMNLabel><dc:Bounds x="{x + 5}" y="{y + 93}" width="90" height="40" />'
            f'</bpmndi:BPMNLabel></bpmndi:BPMNShape>'
            f'\n<bpmndi:BPMNShape id="{task}_di" bpmnElement="{task}"><dc:Bounds x="{x + 110}" y="{y + 30}" '
            f'width="100" height="80" /></bpmndi:BPMNShape>'
            f'\n<bpmndi:BPMNShape id="{notify}_di" bpmnElement="{notify}"><dc:Bounds x="{x + 250}" y="{y + 30}" '
            f'width="100" height="80" /></bpmndi:BPMNShape>'
            f'\n<bpmndi:BPMNShape id="{end}_di" bpmnElement="{end}"><dc:Bounds x="{x + 392}" y="{y + 52}" width="36" '
            f'height="36" /><bpmndi:BPMNLabel><dc:Bounds x="{x + 365}" y="{y + 93}" width="90" height="40" />'
            f'</bpmndi:BPMNLabel></bpmndi:BPMNShape>'
            f'\n<bpmndi:BPMNEdge id="{flow_in}_di" bpmnElement="{flow_in}"><di:waypoint x="{x + 68}" y="{y + 70}" />'
            f'<di:waypoint x="{x + 110}" y="{y + 70}" /></bpmndi:BPMNEdge>'
            f'\n<bpmndi:BPMNEdge id="{flow_mid}_di" bpmnElement="{flow_mid}"><di:waypoint x="{x + 210}" y="{y + 70}" />'
            f'<di:waypoint x="{x + 250}" y="{y + 70}" /></bpmndi:BPMNEdge>'
            f'\n<bpmndi:BPMNEdge id="{flow_out}_di" bpmnElement="{flow_out}"><di:waypoint x="{x + 350}" y="{y + 70}" />'
            f'<di:waypoint x="{x + 392}" y="{y + 70}" /></bpmndi:BPMNEdge>')


REVISION_DI = (_revision_di("Activity_GrantWithdrawal", "Event_GrantWithdrawalVoted", "Task_CloseWithdrawnGrant",
                            "Task_NotifyWithdrawal", "Event_GrantWithdrawn", "Flow_ToCloseWithdrawnGrant",
                            "Flow_ToNotifyWithdrawal", "Flow_ToGrantWithdrawn", 1200)
               + _revision_di("Activity_DecisionAmendment", "Event_DecisionAmendmentVoted", "Task_ApplyAmendmentToAct",
                              "Task_NotifyAmendment", "Event_ActAmended", "Flow_ToApplyAmendment",
                              "Flow_ToNotifyAmendment", "Flow_ToActAmended", 1700))

def main(out):
    Y, Y2, Y3 = 200, 340, 460

    # ---- campaign: opens and closes the call on its dates
    write(f"{out}/campaign.bpmn", "campaign", "Appel à Agir — campagne", [
        Node("Event_CampaignCreated", "start", "Campagne programmée", 100, Y),
        Node("Event_OpeningDateReached", "timer", "Date d'ouverture atteinte", 200, Y, body=timer("timeDate", "${openingAt}")),
        service("Task_OpenCampaign", "Ouvrir l'appel à projets", 320, Y, "openCampaignDelegate"),
        Node("Event_ClosingDateReached", "timer", "Date de clôture atteinte", 450, Y, body=timer("timeDate", "${closingAt}")),
        service("Task_CloseCampaign", "Clôturer l'appel à projets", 570, Y, "closeCampaignDelegate"),
        Node("Event_CampaignClosed", "end", "Campagne close", 700, Y),
    ], [
        ("Flow_ToOpening", "Event_CampaignCreated", "Event_OpeningDateReached"),
        ("Flow_ToOpen", "Event_OpeningDateReached", "Task_OpenCampaign"),
        ("Flow_ToClosing", "Task_OpenCampaign", "Event_ClosingDateReached"),
        ("Flow_ToClose", "Event_ClosingDateReached", "Task_CloseCampaign"),
        ("Flow_ToCampaignEnd", "Task_CloseCampaign", "Event_CampaignClosed"),
    ], doc="Ouvre l'appel à projets à sa date d'ouverture et le clôt à sa date de clôture ; "
           "après la clôture, aucune candidature n'est plus acceptée.")

    # ---- directorate-opinion: one directorate's opinion, with its deadline
    write(f"{out}/directorate-opinion.bpmn", "directorate-opinion", "Avis d'une direction associée", [
        Node("Event_OpinionRequested", "start", "Avis demandé", 100, Y),
        user("Task_GiveOpinion", "Donner l'avis de la direction", 230, Y, "${directorate}", "opinion"),
        Node("Event_OpinionDeadlinePassed", "boundary", "Délai de l'avis dépassé", 0, 0,
             {"cancelActivity": "true"}, timer("timeDuration", "${deadlines.opinion}"),
             attached="Task_GiveOpinion", offset=20),
        Node("Event_OpinionGiven", "end", "Avis rendu", 380, Y),
        service("Task_RecordMissingOpinion", "Constater l'absence d'avis", 380, Y2, "recordMissingOpinionDelegate"),
        Node("Event_NoOpinion", "end", "Sans avis", 520, Y2),
    ], [
        ("Flow_ToGiveOpinion", "Event_OpinionRequested", "Task_GiveOpinion"),
        ("Flow_OpinionGiven", "Task_GiveOpinion", "Event_OpinionGiven"),
        ("Flow_DeadlinePassed", "Event_OpinionDeadlinePassed", "Task_RecordMissingOpinion"),
        ("Flow_ToNoOpinion", "Task_RecordMissingOpinion", "Event_NoOpinion"),
    ], doc="Une direction associée donne son avis avant l'échéance ; passé le délai, "
           "l'instruction continue sans cet avis.")

    # ---- installment-payment: liquidation then validation by a second finance officer
    write(f"{out}/installment-payment.bpmn", "installment-payment", "Paiement d'une échéance", [
        Node("Event_InstallmentDue", "start", "Échéance exigible", 100, Y),
        user("Task_PreparePayment", "Liquider l'échéance", 230, Y, "finance", "payment-preparation"),
        user("Task_ValidatePayment", "Valider le mandat (second agent)", 390, Y, "finance", "payment-validation"),
        Node("Gateway_PaymentValidated", "xor", "Mandat validé ?", 530, Y),
        service("Task_IssuePaymentOrder", "Émettre le mandat (à exporter vers le logiciel financier)", 660, Y,
                "issuePaymentOrderDelegate", async_before=True),
        Node("Gateway_PaymentConfirmed", "xor", "Retour déjà reçu ?", 790, Y),
        Node("Event_PaymentConfirmed", "message", "Paiement confirmé", 900, Y,
             {"camunda:asyncAfter": "true"}, '<bpmn:messageEventDefinition messageRef="Message_PaymentConfirmed" />'),
        Node("Event_InstallmentPaid", "end", "Échéance payée", 1010, Y),
    ], [
        ("Flow_ToPrepare", "Event_InstallmentDue", "Task_PreparePayment"),
        ("Flow_ToValidate", "Task_PreparePayment", "Task_ValidatePayment"),
        ("Flow_ToPaymentDecision", "Task_ValidatePayment", "Gateway_PaymentValidated"),
        ("Flow_PaymentApproved", "Gateway_PaymentValidated", "Task_IssuePaymentOrder", "validé", "${paymentApproved}"),
        ("Flow_PaymentReturned", "Gateway_PaymentValidated", "Task_PreparePayment", "renvoyé en liquidation",
         "${!paymentApproved}", ("over", 100)),
        ("Flow_ToPaymentConfirmed", "Task_IssuePaymentOrder", "Gateway_PaymentConfirmed"),
        ("Flow_AwaitReturn", "Gateway_PaymentConfirmed", "Event_PaymentConfirmed", "non", "${!paymentConfirmed}"),
        ("Flow_AlreadyConfirmed", "Gateway_PaymentConfirmed", "Event_InstallmentPaid", "oui", "${paymentConfirmed}",
         ("under", 300)),
        ("Flow_ToPaid", "Event_PaymentConfirmed", "Event_InstallmentPaid"),
    ], messages=[("Message_PaymentConfirmed", "PaymentConfirmed")],
       doc="Un agent des finances liquide l'échéance, un second agent (jamais le même) valide ; "
           "le mandat part alors dans le prochain bordereau exporté vers le logiciel financier, et l'échéance "
           "est payée quand le fichier de retour du logiciel financier la confirme (numéro de mandat, date).")

    # ---- grant-year: one year of the agreement
    write(f"{out}/grant-year.bpmn", "grant-year", "Année de subvention", [
        Node("Event_GrantYearStarted", "start", "Année de subvention ouverte", 100, Y),
        service("Task_OpenGrantYear", "Établir l'échéancier et le compte-rendu attendu", 220, Y, "openGrantYearDelegate"),
        call("Activity_PayAdvance", "Verser l'avance ou le versement unique", 370, Y, "installment-payment",
             [("${advanceInstallmentId}", "installmentId")]),
        user("Task_SubmitReport", "Déposer le compte-rendu financier", 530, Y, "applicant", "financial-report",
             due="${reportDueAt}"),
        Node("Event_ReportReminderDue", "boundary", "Échéance proche", 0, 0,
             {"cancelActivity": "false"}, timer("timeDate", "${reportDeadlines.nextReminder(agreementId, year)}"),
             attached="Task_SubmitReport", offset=-25),
        Node("Event_ReportOverdue", "boundary", "Compte-rendu en retard", 0, 0,
             {"cancelActivity": "false"}, timer("timeDate", "${reportDueAt}"),
             attached="Task_SubmitReport", offset=20),
        service("Task_EscalateLateReport", "Signaler le retard au représentant légal", 660, Y3,
                "escalateLateReportDelegate"),
        Node("Gateway_LateReportNew", "xor", "Premier retard ?", 790, Y3),
        Node("Event_LateReportEscalated", "end", "Relance déjà faite ou compte-rendu remis à temps", 850, Y3 + 100),
        user("Task_FollowUpLateReport", "Suivre le compte-rendu en retard", 910, Y3, "instructor",
             "late-report-follow-up", due="${formalNoticeAt}"),
        Node("Gateway_FollowUpOutcome", "xor", "Compte-rendu reçu ?", 1030, Y3),
        Node("Event_LateReportReceived", "end", "Compte-rendu reçu", 1200, Y3),
        Node("Event_FormalNoticeStillDue", "timer", "Date de la mise en demeure", 1130, Y3 + 60,
             body=timer("timeDate", "${formalNoticeAt}")),
        Node("Event_FormalNoticeDue", "boundary", "Toujours pas reçu", 0, 0,
             {"cancelActivity": "false"}, timer("timeDate", "${formalNoticeAt}"),
             attached="Task_FollowUpLateReport", offset=20),
        service("Task_SendFormalNotice", "Envoyer la lettre de mise en demeure", 1200, Y3 + 130,
                "sendFormalNoticeDelegate"),
        Node("Event_FormalNoticeSent", "end", "Mise en demeure envoyée", 1340, Y3 + 130),
        service("Task_RemindReport", "Rappeler l'échéance au représentant légal", 620, Y3 + 250,
                "remindReportDelegate"),
        Node("Gateway_MoreReminders", "xor", "Autre rappel ?", 750, Y3 + 250),
        Node("Event_NextReminderDue", "timer", "Rappel suivant", 870, Y3 + 250,
             body=timer("timeDate", "${reportDeadlines.nextReminder(agreementId, year)}")),
        Node("Event_RemindersDone", "end", "Rappels terminés", 870, Y3 + 170),
        user("Task_ValidateReport", "Valider le compte-rendu", 690, Y, "instructor", "report-validation"),
        Node("Gateway_ReportOutcome", "xor", "Compte-rendu ?", 830, Y),
        Node("Gateway_BalanceDue", "xor", "Solde à verser ?", 940, Y),
        Node("Event_SingleInstallmentYearCompleted", "end", "Année close (versement unique)", 1060, 80,
             body=TERMINATE),
        call("Activity_PayBalance", "Verser le solde", 1060, Y, "installment-payment",
             [("${balanceInstallmentId}", "installmentId")]),
        Node("Event_GrantYearCompleted", "end", "Année soldée", 1200, Y, body=TERMINATE),
        service("Task_IssueRecoveryOrder", "Émettre le titre de recettes", 1060, Y2, "issueRecoveryOrderDelegate"),
        Node("Event_GrantYearRecovered", "end", "Année close avec reversement", 1200, Y2, body=TERMINATE),
    ], [
        ("Flow_ToOpenYear", "Event_GrantYearStarted", "Task_OpenGrantYear"),
        ("Flow_ToAdvance", "Task_OpenGrantYear", "Activity_PayAdvance"),
        ("Flow_ToReport", "Activity_PayAdvance", "Task_SubmitReport"),
        ("Flow_ReportOverdue", "Event_ReportOverdue", "Task_EscalateLateReport"),
        ("Flow_ToLateReportNew", "Task_EscalateLateReport", "Gateway_LateReportNew"),
        ("Flow_LateReportNew", "Gateway_LateReportNew", "Task_FollowUpLateReport", "oui", "${reportLate}"),
        ("Flow_ToEscalated", "Gateway_LateReportNew", "Event_LateReportEscalated", "non", "${!reportLate}"),
        ("Flow_ToFollowUpOutcome", "Task_FollowUpLateReport", "Gateway_FollowUpOutcome"),
        ("Flow_ToLateReportReceived", "Gateway_FollowUpOutcome", "Event_LateReportReceived", "oui",
         "${execution.getVariable('followUp') != 'DONE'}"),
        ("Flow_FollowUpDone", "Gateway_FollowUpOutcome", "Event_FormalNoticeStillDue", "non, relance faite",
         "${execution.getVariable('followUp') == 'DONE'}"),
        ("Flow_FormalNoticeStillDue", "Event_FormalNoticeStillDue", "Task_SendFormalNotice", None, None,
         ("right-down",)),
        ("Flow_FormalNoticeDue", "Event_FormalNoticeDue", "Task_SendFormalNotice"),
        ("Flow_ToFormalNoticeSent", "Task_SendFormalNotice", "Event_FormalNoticeSent"),
        ("Flow_ReportReminderDue", "Event_ReportReminderDue", "Task_RemindReport"),
        ("Flow_ToMoreReminders", "Task_RemindReport", "Gateway_MoreReminders"),
        ("Flow_MoreReminders", "Gateway_MoreReminders", "Event_NextReminderDue", "oui",
         "${reportDeadlines.moreReminders(agreementId, year)}"),
        ("Flow_NoMoreReminders", "Gateway_MoreReminders", "Event_RemindersDone", "non",
         "${!reportDeadlines.moreReminders(agreementId, year)}"),
        ("Flow_NextReminderDue", "Event_NextReminderDue", "Task_RemindReport", None, None, ("under", Y3 + 320)),
        ("Flow_ToValidateReport", "Task_SubmitReport", "Task_ValidateReport"),
        ("Flow_ToReportOutcome", "Task_ValidateReport", "Gateway_ReportOutcome"),
        ("Flow_ReportValidated", "Gateway_ReportOutcome", "Gateway_BalanceDue", "validé",
         "${reportOutcome == 'VALIDATED'}"),
        ("Flow_BalanceDue", "Gateway_BalanceDue", "Activity_PayBalance", "solde", "${balanceInstallmentId != null}"),
        ("Flow_NoBalance", "Gateway_BalanceDue", "Event_SingleInstallmentYearCompleted", "versement unique",
         "${balanceInstallmentId == null}"),
        ("Flow_ReportIncomplete", "Gateway_ReportOutcome", "Task_SubmitReport", "à compléter",
         "${reportOutcome == 'INCOMPLETE'}", ("over", 100)),
        ("Flow_ReportRecovery", "Gateway_ReportOutcome", "Task_IssueRecoveryOrder", "reversement",
         "${reportOutcome == 'RECOVERY'}"),
        ("Flow_ToYearCompleted", "Activity_PayBalance", "Event_GrantYearCompleted"),
        ("Flow_ToYearRecovered", "Task_IssueRecoveryOrder", "Event_GrantYearRecovered"),
    ], doc="Une année de la convention ou de l'arrêté attributif : avance (ou versement unique d'un arrêté), "
           "compte-rendu financier, puis solde (rien de plus après un versement unique) ou titre de recettes. "
           "Autour de l'échéance du compte-rendu : rappels avant (agir.reporting.reminders-before), e-mail le "
           "lendemain, tâche de suivi pour l'instruction (close par « Relance effectuée » ou par l'arrivée du "
           "compte-rendu), mise en demeure à la date formalNoticeAt (retard + agir.reporting.formal-notice-after) "
           "tant que le compte-rendu n'est pas reçu, que la relance ait été faite ou non. "
           "La fin de l'année (événements de fin « terminate ») arrête les rappels encore en attente.")

    # ---- application-lifecycle: the whole life of one application
    write(f"{out}/application-lifecycle.bpmn", "application-lifecycle", "Cycle de vie d'une candidature", [
        Node("Event_ApplicationSubmitted", "start", "Candidature déposée", 100, Y,
             {"camunda:formRef": "application", "camunda:formRefBinding": "latest"}),
        user("Task_CheckCompleteness", "Vérifier la recevabilité", 220, Y, "instructor", "completeness"),
        Node("Gateway_Completeness", "xor", "Recevable ?", 360, Y),
        user("Task_ProvideMissingPieces", "Compléter le dossier", 480, Y2, "applicant", "missing-pieces",
             due="${deadlines.missingPiecesDueDate(execution)}"),
        Node("Event_MissingPiecesDeadline", "boundary", "Délai de réponse dépassé", 0, 0,
             {"cancelActivity": "true"}, timer("timeDuration", "${deadlines.missingPiecesOf(execution)}"),
             attached="Task_ProvideMissingPieces", offset=20),
        service("Task_DeclareInadmissible", "Déclarer la candidature irrecevable", 640, Y3, "declareInadmissibleDelegate"),
        Node("Event_Inadmissible", "end", "Candidature irrecevable", 780, Y3),
        Node("Task_RouteOpinions", "rule", "Déterminer les directions consultées", 480, Y,
             {"camunda:decisionRef": "opinion-routing", "camunda:decisionRefBinding": "latest",
              "camunda:mapDecisionResult": "collectEntries", "camunda:resultVariable": "routedDirectorates"}),
        service("Task_RequestOpinions", "Demander les avis", 620, Y, "requestOpinionsDelegate"),
        call("Activity_CollectOpinions", "Recueillir l'avis de chaque direction", 760, Y, "directorate-opinion",
             [("applicationId", "applicationId"), ("directorate", "directorate"), ("campaignId", "campaignId")],
             ("parallel", "${directorates}", "directorate")),
        user("Task_WriteSynthesis", "Rédiger la synthèse d'instruction", 900, Y, "instructor", "synthesis"),
        Node("Event_JuryResultReceived", "message", "Avis du jury reçu", 1030, Y,
             body='<bpmn:messageEventDefinition messageRef="Message_JuryResult" />'),
        Node("Event_VoteReceived", "message", "Délibération de la Commission permanente", 1120, Y,
             body='<bpmn:messageEventDefinition messageRef="Message_Vote" />'),
        Node("Gateway_VoteOutcome", "xor", "Subvention votée ?", 1220, Y),
        service("Task_RecordRejection", "Clore la candidature rejetée", 1340, Y2, "recordRejectionDelegate"),
        service("Task_NotifyRefusal", "Notifier le refus", 1480, Y2, "sendDecisionLetterDelegate", async_before=True),
        Node("Event_Rejected", "end", "Candidature rejetée", 1620, Y2),
        Node("Task_ChooseLegalInstrument", "rule", "Choisir l'acte juridique", 1340, Y,
             {"camunda:asyncBefore": "true", "camunda:decisionRef": "legal-instrument",
              "camunda:decisionRefBinding": "latest", "camunda:mapDecisionResult": "singleEntry",
              "camunda:resultVariable": "legalInstrument"},
             '<bpmn:extensionElements><camunda:executionListener event="start" '
             'delegateExpression="${legalInstrumentFacts}" /></bpmn:extensionElements>'),
        Node("Gateway_LegalInstrument", "xor", "Convention ou arrêté ?", 1460, Y),
        service("Task_IssueArrete", "Établir l'arrêté attributif", 1580, 80, "issueArreteDelegate", async_before=True),
        service("Task_NotifyArrete", "Notifier l'attribution et l'arrêté", 1720, 80, "sendDecisionLetterDelegate",
                async_before=True),
        service("Task_GenerateAgreement", "Générer la convention", 1580, Y, "generateAgreementDelegate", async_before=True),
        service("Task_NotifyAgreement", "Notifier l'attribution", 1720, Y, "sendDecisionLetterDelegate",
                async_before=True),
        user("Task_SignAgreement", "Signer la convention (structure)", 1860, Y, "applicant", "agreement-signature"),
        Node("Event_SignatureReminderDue", "boundary", "Convention toujours pas signée", 0, 0,
             {"cancelActivity": "false"}, timer("timeCycle", "${deadlines.agreementSignatureReminderCycle()}"),
             attached="Task_SignAgreement", offset=20),
        service("Task_RemindSignature", "Relancer la structure (ou signaler le retard)", 1990, Y2,
                "remindAgreementSignatureDelegate"),
        Node("Event_SignatureReminded", "end", "Relance faite", 2120, Y2),
        user("Task_CountersignAgreement", "Contresigner la convention (Département)", 2000, Y, "signatory",
             "agreement-countersignature"),
        call("Activity_RunGrantYears", "Exécuter la subvention année par année", 2140, Y, "grant-year",
             [("applicationId", "applicationId"), ("agreementId", "agreementId"), ("year", "year"),
              ("campaignId", "campaignId"), ("thematic", "thematic"), ("ept", "ept"),
              ("totalRequested", "totalRequested")],
             ("sequential", "${years}", "year",
              # An avenant that shortens the agreement sets lastGrantYear: the loop stops after that year.
              "${execution.hasVariable('lastGrantYear') && nrOfCompletedInstances >= lastGrantYear}")),
        service("Task_CheckGrantSettled", "Vérifier que la subvention est soldée", 2280, Y,
                "checkGrantSettledDelegate"),
        Node("Gateway_GrantSettled", "xor", "Versements et comptes-rendus terminés ?", 2400, Y),
        Node("Event_ClosureRecheckDue", "timer", "Vérifier de nouveau", 2510, Y2,
             body=timer("timeDuration", "${reportDeadlines.closureRecheckDelay()}")),
        service("Task_CloseApplication", "Clôturer le dossier", 2510, Y, "closeGrantDelegate"),
        Node("Event_Closed", "end", "Dossier clôturé", 2640, Y),
    ], [
        ("Flow_ToCompleteness", "Event_ApplicationSubmitted", "Task_CheckCompleteness"),
        ("Flow_ToCompletenessDecision", "Task_CheckCompleteness", "Gateway_Completeness"),
        ("Flow_Complete", "Gateway_Completeness", "Task_RouteOpinions", "complet", "${completeness == 'COMPLETE'}"),
        ("Flow_MissingPieces", "Gateway_Completeness", "Task_ProvideMissingPieces", "pièces manquantes",
         "${completeness == 'MISSING_PIECES'}"),
        ("Flow_Ineligible", "Gateway_Completeness", "Task_DeclareInadmissible", "inéligible",
         "${completeness == 'INELIGIBLE'}"),
        ("Flow_PiecesProvided", "Task_ProvideMissingPieces", "Task_CheckCompleteness", "dossier complété",
         None, ("back-left",)),
        ("Flow_MissingPiecesDeadline", "Event_MissingPiecesDeadline", "Task_DeclareInadmissible"),
        ("Flow_ToInadmissible", "Task_DeclareInadmissible", "Event_Inadmissible"),
        ("Flow_ToRequestOpinions", "Task_RouteOpinions", "Task_RequestOpinions"),
        ("Flow_ToCollectOpinions", "Task_RequestOpinions", "Activity_CollectOpinions"),
        ("Flow_ToSynthesis", "Activity_CollectOpinions", "Task_WriteSynthesis"),
        ("Flow_ToJury", "Task_WriteSynthesis", "Event_JuryResultReceived"),
        ("Flow_ToVote", "Event_JuryResultReceived", "Event_VoteReceived"),
        ("Flow_ToVoteOutcome", "Event_VoteReceived", "Gateway_VoteOutcome"),
        ("Flow_VoteRejected", "Gateway_VoteOutcome", "Task_RecordRejection", "rejetée", "${voteOutcome == 'REJECTED'}"),
        ("Flow_VoteGranted", "Gateway_VoteOutcome", "Task_ChooseLegalInstrument", "adoptée ou amendée",
         "${voteOutcome != 'REJECTED'}"),
        ("Flow_ToNotifyRefusal", "Task_RecordRejection", "Task_NotifyRefusal"),
        ("Flow_ToRejected", "Task_NotifyRefusal", "Event_Rejected"),
        ("Flow_ToLegalInstrument", "Task_ChooseLegalInstrument", "Gateway_LegalInstrument"),
        ("Flow_Agreement", "Gateway_LegalInstrument", "Task_GenerateAgreement", "convention",
         "${legalInstrument == 'AGREEMENT'}"),
        ("Flow_Arrete", "Gateway_LegalInstrument", "Task_IssueArrete", "arrêté attributif",
         "${legalInstrument == 'ARRETE'}"),
        ("Flow_ToNotifyArrete", "Task_IssueArrete", "Task_NotifyArrete"),
        ("Flow_ArreteToGrantYears", "Task_NotifyArrete", "Activity_RunGrantYears", None, None, ("right-down",)),
        ("Flow_ToNotifyAgreement", "Task_GenerateAgreement", "Task_NotifyAgreement"),
        ("Flow_ToSign", "Task_NotifyAgreement", "Task_SignAgreement"),
        ("Flow_ToCountersign", "Task_SignAgreement", "Task_CountersignAgreement"),
        ("Flow_SignatureReminderDue", "Event_SignatureReminderDue", "Task_RemindSignature"),
        ("Flow_ToSignatureReminded", "Task_RemindSignature", "Event_SignatureReminded"),
        ("Flow_ToGrantYears", "Task_CountersignAgreement", "Activity_RunGrantYears"),
        ("Flow_ToCheckGrantSettled", "Activity_RunGrantYears", "Task_CheckGrantSettled"),
        ("Flow_ToGrantSettled", "Task_CheckGrantSettled", "Gateway_GrantSettled"),
        ("Flow_ToCloseApplication", "Gateway_GrantSettled", "Task_CloseApplication", "oui", "${grantSettled}"),
        ("Flow_GrantNotSettled", "Gateway_GrantSettled", "Event_ClosureRecheckDue", "pas encore", "${!grantSettled}"),
        ("Flow_ClosureRecheckDue", "Event_ClosureRecheckDue", "Task_CheckGrantSettled", None, None, ("under", 420)),
        ("Flow_ToClosed", "Task_CloseApplication", "Event_Closed"),
    ], messages=[("Message_JuryResult", "JuryResultRecorded"), ("Message_Vote", "VoteRecorded"),
                 ("Message_Withdrawn", "ApplicationWithdrawn"), ("Message_GrantWithdrawn", "GrantWithdrawn"),
                 ("Message_DecisionAmended", "DecisionAmended")],
        doc="De la candidature déposée à la clôture : recevabilité, avis des directions, synthèse, jury, "
            "vote de la Commission permanente, acte juridique (convention signée puis contresignée, ou arrêté "
            "attributif selon la table legal-instrument), paiements et comptes-rendus, clôture.",
        extra_sem=WITHDRAWAL_SEM + REVISION_SEM, extra_di=WITHDRAWAL_DI + REVISION_DI)


    # ---- jury-session: conflicts and assignment, scoring (reminder before it ends), deliberation, results
    write(f"{out}/jury-session.bpmn", "jury-session", "Séance de jury", [
        Node("Event_JurySessionCreated", "start", "Séance de jury créée", 100, Y),
        user("Task_PrepareJurySession", "Recueillir les conflits et répartir les dossiers", 240, Y, "instructor",
             "jury-session"),
        user("Task_ScoreApplications", "Suivre la notation des membres", 420, Y, "instructor", "jury-session"),
        Node("Event_ScoringReminderDue", "boundary", "Fin de la notation proche", 0, 0,
             {"cancelActivity": "false"}, timer("timeDate", "${scoringReminderAt}"),
             attached="Task_ScoreApplications", offset=20),
        service("Task_RemindJurors", "Rappeler les notes attendues aux membres", 440, Y2, "remindJurorsDelegate"),
        Node("Event_JurorsReminded", "end", "Membres relancés", 580, Y2),
        user("Task_Deliberate", "Délibérer et arrêter les propositions", 600, Y, "instructor", "jury-session"),
        service("Task_TransmitJuryResults", "Transmettre l'avis du jury à chaque candidature", 780, Y,
                "transmitJuryResultsDelegate", async_before=True),
        Node("Event_JurySessionClosed", "end", "Séance close", 930, Y),
    ], [
        ("Flow_ToPrepare", "Event_JurySessionCreated", "Task_PrepareJurySession"),
        ("Flow_ToScoring", "Task_PrepareJurySession", "Task_ScoreApplications", "notation ouverte"),
        ("Flow_ToReminder", "Event_ScoringReminderDue", "Task_RemindJurors"),
        ("Flow_ToReminded", "Task_RemindJurors", "Event_JurorsReminded"),
        ("Flow_ToDeliberation", "Task_ScoreApplications", "Task_Deliberate", "délibération ouverte"),
        ("Flow_ToTransmit", "Task_Deliberate", "Task_TransmitJuryResults", "séance close"),
        ("Flow_ToSessionEnd", "Task_TransmitJuryResults", "Event_JurySessionClosed"),
    ], doc="La DIEESS recueille les conflits d'intérêts et répartit les dossiers, ouvre la notation "
           "(la grille est alors figée), relance les membres avant la fin de la notation, ouvre la délibération "
           "puis clôt la séance dans l'enveloppe ; l'avis du jury part alors vers chaque candidature.")

if __name__ == "__main__":
    ONLY.update(sys.argv[1:])
    here = os.path.dirname(os.path.abspath(__file__))
    main(os.path.join(here, "..", "bpmn"))
