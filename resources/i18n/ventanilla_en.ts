<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval.py" line="81"/>
        <source>Autorizar (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="82"/>
        <source>Cancelar (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="87"/>
        <location filename="../../ui/approval.py" line="198"/>
        <source>El supervisor escribe su usuario y su PIN. Enter pasa al campo siguiente.</source>
        <translation>The supervisor types their user and PIN. Enter moves to the next field.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="92"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="93"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="94"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="96"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="156"/>
        <source>El monto debe ser mayor que cero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="170"/>
        <source>Escriba el usuario del supervisor.</source>
        <translation>Type the supervisor&apos;s user.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="173"/>
        <source>Escriba el PIN del supervisor.</source>
        <translation>Type the supervisor&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="176"/>
        <source>Escriba el motivo.</source>
        <translation>Type the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="181"/>
        <source>La autorización la da un supervisor distinto del cajero.</source>
        <translation>Approval must come from a supervisor other than the cashier.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="196"/>
        <source>Verificando…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>CashMenuScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="122"/>
        <source>Caja</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="123"/>
        <source>Pulse el número de la opción, o ↑ ↓ y Enter. Esc vuelve al mostrador.</source>
        <translation>Press the option&apos;s number, or ↑ ↓ and Enter. Esc goes back to the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="126"/>
        <source>1   Retiro a caja fuerte (sangría)</source>
        <translation>1   Cash drop to the safe</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="127"/>
        <source>2   Ingreso de fondo a la gaveta</source>
        <translation>2   Add float to the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="128"/>
        <source>3   Informe X (lectura parcial, no cierra)</source>
        <translation>3   X report (mid-shift reading, closes nothing)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="129"/>
        <source>4   Reimprimir un recibo por su número</source>
        <translation>4   Reprint a receipt by its number</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="130"/>
        <location filename="../../ui/shift_screens.py" line="156"/>
        <source>5   Recibos que no se imprimieron</source>
        <translation>5   Receipts that did not print</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="131"/>
        <source>6   Cerrar turno (arqueo a ciegas)</source>
        <translation>6   Close shift (blind count)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="158"/>
        <source>5   Recibos que no se imprimieron ({n})</source>
        <translation>5   Receipts that did not print ({n})</translation>
    </message>
</context>
<context>
    <name>CloseResultModel</name>
    <message>
        <location filename="../../ui/models.py" line="408"/>
        <source>sobrante</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="410"/>
        <source>faltante</source>
        <translation>short</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="411"/>
        <source>cuadra</source>
        <translation>balanced</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="423"/>
        <source>Medio</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="424"/>
        <source>Esperado</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="425"/>
        <source>Contado</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="426"/>
        <source>Diferencia</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="427"/>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>CloseShiftScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="301"/>
        <source>Cerrar turno: arqueo a ciegas</source>
        <translation>Close shift: blind count</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="304"/>
        <source>Cuente el efectivo de la gaveta por denominación, luego los cheques y el total del cierre del datáfono. Lo esperado se ve después de entregar el conteo. Enter pasa al siguiente; Esc vuelve al mostrador.</source>
        <translation>Count the drawer&apos;s cash by denomination, then the cheques and the card terminal&apos;s settlement total. What was expected shows after you hand in the count. Enter moves on; Esc goes back to the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="326"/>
        <source>Entregar el conteo y ver el resultado (Enter)</source>
        <translation>Hand in the count and see the result (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="331"/>
        <source>Efectivo contado</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="334"/>
        <source>Cheques: cantidad</source>
        <translation>Cheques: how many</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="336"/>
        <source>Cheques: total</source>
        <translation>Cheques: total</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="338"/>
        <source>Tarjeta: total del cierre del datáfono</source>
        <translation>Card: card terminal&apos;s settlement total</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="366"/>
        <source>Resultado del arqueo</source>
        <translation>Result of the count</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="394"/>
        <source>Cajero: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="428"/>
        <source>Escriba cuántos cheques hay.</source>
        <translation>Type how many cheques there are.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="473"/>
        <source>Turno cerrado con la diferencia aprobada por {name}. Se imprime el informe Z.</source>
        <translation>Shift closed with the difference approved by {name}. The Z report is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="476"/>
        <source>Turno cerrado. Se imprime el informe Z.</source>
        <translation>Shift closed. The Z report is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="478"/>
        <source>F3 guarda el PDF del informe Z · F9 lo reimprime · Enter termina y vuelve al inicio de sesión.</source>
        <translation>F3 saves the Z report PDF · F9 reprints it · Enter finishes and goes back to the login.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="479"/>
        <source>Terminar (Enter)</source>
        <translation>Finish (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="483"/>
        <source>La diferencia supera la tolerancia de {tolerance}. Cuente otra vez.</source>
        <translation>The difference is beyond the {tolerance} tolerance. Count again.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="485"/>
        <source>Enter vuelve al conteo con lo que escribió, para corregirlo. Esc vuelve al mostrador sin cerrar.</source>
        <translation>Enter goes back to the count as you typed it, to correct it. Esc goes back to the counter without closing.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="486"/>
        <source>Contar otra vez (Enter)</source>
        <translation>Count again (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="488"/>
        <source>La diferencia sigue fuera de la tolerancia de {tolerance}. Un supervisor debe aprobarla con un motivo.</source>
        <translation>The difference is still beyond the {tolerance} tolerance. A supervisor must approve it with a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="491"/>
        <source>Enter pide la aprobación del supervisor. Esc vuelve al mostrador sin cerrar el turno.</source>
        <translation>Enter asks for the supervisor&apos;s approval. Esc goes back to the counter without closing the shift.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="492"/>
        <source>Pedir aprobación (Enter)</source>
        <translation>Ask for approval (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="518"/>
        <source>Aprobar la diferencia del cierre</source>
        <translation>Approve the closing difference</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="519"/>
        <source>El supervisor revisa el conteo y escribe el motivo de la diferencia.</source>
        <translation>The supervisor checks the count and types the reason for the difference.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="549"/>
        <source>Guardando el PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="554"/>
        <source>Informe Z guardado en {path}</source>
        <translation>Z report saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="563"/>
        <source>El informe Z no se imprimió: {problem} Pulse F9 para intentarlo de nuevo.</source>
        <translation>The Z report did not print: {problem} Press F9 to try again.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="566"/>
        <source>Informe Z impreso.</source>
        <translation>Z report printed.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter.py" line="96"/>
        <source>Escanee la factura o escriba cuenta, cédula o nombre y Enter</source>
        <translation>Scan the bill or type account, ID or name and Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="117"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="131"/>
        <source>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</source>
        <translation>Scan the customer&apos;s bill or type their account number, ID or name.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="139"/>
        <source>Facturas pendientes, la más antigua primero (F7, Espacio elige)</source>
        <translation>Open bills, oldest first (F7, Space selects)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="146"/>
        <source>F2 Efectivo</source>
        <translation>F2 Cash</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="147"/>
        <source>F3 Cheque</source>
        <translation>F3 Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="148"/>
        <source>F4 Tarjeta</source>
        <translation>F4 Card</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="149"/>
        <source>F5 Mixto</source>
        <translation>F5 Split</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="166"/>
        <source>A pagar (F6)</source>
        <translation>To pay (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="169"/>
        <source>Recibido</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="199"/>
        <source>Cobros de este turno (F8: Enter reimprime · Supr anula)</source>
        <translation>Payments this shift (F8: Enter reprints · Delete voids)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="340"/>
        <source>Pulse F2 para cobrar en efectivo, o Esc para atender a otro cliente.</source>
        <translation>Press F2 to take cash, or Esc to serve another customer.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="345"/>
        <source>Buscando…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="363"/>
        <source>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</source>
        <translation>No account found. Check what you typed or try the name.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="368"/>
        <source>{n} cuentas: ↑ ↓ para elegir</source>
        <translation>{n} accounts: ↑ ↓ to choose</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="406"/>
        <source>Busque una cuenta para cobrar.</source>
        <translation>Find an account to take a payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="410"/>
        <source>{biller} · cuenta {account}</source>
        <translation>{biller} · account {account}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="412"/>
        <source>{segment} · {status} · {national_id}</source>
        <translation>{segment} · {status} · {national_id}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="417"/>
        <source>Cobranza judicial: no se cobra en caja</source>
        <translation>In legal collection: not payable at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="418"/>
        <source>Acuerdo de pago vigente</source>
        <translation>Payment agreement in force</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="419"/>
        <source>Cuenta castigada: el pago es recuperación</source>
        <translation>Written-off account: the payment is a recovery</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="426"/>
        <source>en línea</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="429"/>
        <source>sin conexión — saldo al {when}</source>
        <translation>offline — balance as of {when}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="440"/>
        <source>La factura dice {bill}; lo que se debe en caja es {owed}.</source>
        <translation>The bill says {bill}; the amount owed here is {owed}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="444"/>
        <source>Esta cuenta no tiene facturas pendientes.</source>
        <translation>This account has no open bills.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="448"/>
        <location filename="../../ui/counter.py" line="542"/>
        <source>F2 efectivo · F6 cambiar monto · F7 elegir facturas · Esc otro cliente</source>
        <translation>F2 cash · F6 change amount · F7 choose bills · Esc next customer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="451"/>
        <source>Residencial</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="451"/>
        <source>Comercial</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="478"/>
        <source>Primero busque la cuenta: escanee la factura o escriba la cuenta.</source>
        <translation>First find the account: scan the bill or type the account.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="491"/>
        <source>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</source>
        <translation>Enter takes the payment · type what you received if not exact · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="496"/>
        <source>El cobro con cheque todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>Cheque payments are not enabled at this counter yet. Take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="497"/>
        <source>El cobro con tarjeta todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>Card payments are not enabled at this counter yet. Take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="498"/>
        <source>El cobro mixto todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>Split payments are not enabled at this counter yet. Take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="567"/>
        <source>Faltan</source>
        <translation>Short by</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="569"/>
        <location filename="../../ui/counter.py" line="571"/>
        <location filename="../../ui/counter.py" line="655"/>
        <source>Vuelto</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="569"/>
        <source>Escriba cuánto entregó el cliente.</source>
        <translation>Type how much the customer handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="589"/>
        <source>Elija al menos una factura (F7 y Espacio).</source>
        <translation>Choose at least one bill (F7 and Space).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="604"/>
        <source>Registrando el pago…</source>
        <translation>Recording the payment…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="612"/>
        <source>Entregue vuelto</source>
        <translation>Give change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="614"/>
        <source>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</source>
        <translation>Receipt no. {no} · {name} · paid {amount} · received {received}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="655"/>
        <source>El vuelto aparece aquí al cobrar en efectivo (F2).</source>
        <translation>The change shows here when you take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="667"/>
        <source>Todavía no hay un recibo para reimprimir en este turno.</source>
        <translation>There is no receipt to reprint in this shift yet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="682"/>
        <location filename="../../ui/counter.py" line="726"/>
        <source>Reimprimiendo el recibo N° {no} (COPIA).</source>
        <translation>Reprinting receipt no. {no} (COPY).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="693"/>
        <source>La anulación del recibo N° {no} quedó registrada, pero: {problem} Reimprima con Shift+F9.</source>
        <translation>The void of receipt no. {no} was recorded, but: {problem} Reprint with Shift+F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="701"/>
        <source>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</source>
        <translation>The payment for receipt no. {no} is recorded, but: {problem} Reprint with F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="707"/>
        <source>Copia del recibo N° {no} impresa.</source>
        <translation>Copy of receipt no. {no} printed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="736"/>
        <source>El recibo N° {no} ya está anulado.</source>
        <translation>Receipt no. {no} is already void.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="749"/>
        <source>Anular el recibo N° {no}</source>
        <translation>Void receipt no. {no}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="750"/>
        <source>{name} · cuenta {account} · {amount}. Se devuelve el dinero al cliente y se imprime el comprobante de anulación.</source>
        <translation>{name} · account {account} · {amount}. The money goes back to the customer and the void receipt prints.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="764"/>
        <source>Recibo N° {no} anulado. Devuelva {amount} al cliente; se imprime el comprobante de anulación.</source>
        <translation>Receipt no. {no} voided. Give {amount} back to the customer; the void receipt is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="768"/>
        <source>Devuelva al cliente</source>
        <translation>Give back to the customer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="770"/>
        <source>Anulación del recibo N° {no} · {name}</source>
        <translation>Void of receipt no. {no} · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="798"/>
        <source>El efectivo de la gaveta pasó el límite de {limit}: haga un retiro a caja fuerte (F10 y 1).</source>
        <translation>Cash in the drawer is over the {limit} limit: make a drop to the safe (F10 then 1).</translation>
    </message>
</context>
<context>
    <name>DenominationCount</name>
    <message>
        <location filename="../../ui/denominations.py" line="39"/>
        <source>Billetes</source>
        <translation>Bills</translation>
    </message>
    <message>
        <location filename="../../ui/denominations.py" line="39"/>
        <source>Monedas</source>
        <translation>Coins</translation>
    </message>
    <message>
        <location filename="../../ui/denominations.py" line="46"/>
        <source>Cantidad</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/denominations.py" line="47"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../ui/models.py" line="157"/>
        <source>Pagar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="158"/>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="159"/>
        <source>Vence</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="160"/>
        <source>Días vencida</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="161"/>
        <source>Pendiente</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="183"/>
        <source>al día</source>
        <translation>current</translation>
    </message>
</context>
<context>
    <name>HeldReceiptsModel</name>
    <message>
        <location filename="../../ui/models.py" line="482"/>
        <source>Recibo</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="483"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="484"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="485"/>
        <source>Por qué no salió</source>
        <translation>Why it did not print</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="486"/>
        <source>Intentos</source>
        <translation>Attempts</translation>
    </message>
</context>
<context>
    <name>HeldReceiptsScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="580"/>
        <source>Recibos que no se imprimieron</source>
        <translation>Receipts that did not print</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="581"/>
        <source>Los pagos están registrados; falta el papel. Arregle la impresora y reintente.</source>
        <translation>The payments are recorded; only the paper is missing. Fix the printer and retry.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="588"/>
        <source>Reintentar (Enter)</source>
        <translation>Retry (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="589"/>
        <source>Reintentar todos (F5)</source>
        <translation>Retry all (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="590"/>
        <source>Volver (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="629"/>
        <source>Esta impresora no guarda los recibos que no salieron; reimprima con F9 o por número.</source>
        <translation>This printer does not keep the receipts that did not print; reprint with F9 or by number.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="639"/>
        <source>No hay recibos pendientes de imprimir.</source>
        <translation>No receipts waiting to print.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="668"/>
        <source>Reintentando {n} recibo(s)…</source>
        <translation>Retrying {n} receipt(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="675"/>
        <source>El recibo N° {no} sigue sin imprimirse: {problem}</source>
        <translation>Receipt no. {no} still did not print: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="678"/>
        <source>Recibo N° {no} impreso.</source>
        <translation>Receipt no. {no} printed.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.py" line="27"/>
        <source>Ventanilla — caja de recaudo</source>
        <translation>Ventanilla — payment counter</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="28"/>
        <source>{outlet} · {terminal}</source>
        <translation>{outlet} · {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>Entrar (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40"/>
        <source>Escriba su usuario, Enter, su PIN y Enter.</source>
        <translation>Type your user, Enter, your PIN and Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="43"/>
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="44"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="87"/>
        <source>Escriba su usuario.</source>
        <translation>Type your user name.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="91"/>
        <source>Escriba su PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="34"/>
        <source>Ventanilla — {terminal}</source>
        <translation>Ventanilla — {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>El efectivo de la gaveta pasó el límite: haga un retiro (1).</source>
        <translation>Cash in the drawer is over the limit: make a drop (1).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Retiro a caja fuerte (sangría)</source>
        <translation>Cash drop to the safe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>Cuente el efectivo que sale de la gaveta y escriba el monto. El supervisor lo recibe y autoriza.</source>
        <translation>Count the cash leaving the drawer and type the amount. The supervisor receives and approves it.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Ingreso de fondo a la gaveta</source>
        <translation>Float added to the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Escriba el efectivo que entra a la gaveta. El supervisor que lo entrega autoriza.</source>
        <translation>Type the cash going into the drawer. The supervisor who hands it over approves.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Retiro de {amount} registrado; autorizó {name}. Se imprime el comprobante.</source>
        <translation>Drop of {amount} recorded; approved by {name}. The slip is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Ingreso de fondo de {amount} registrado; autorizó {name}. Se imprime el comprobante.</source>
        <translation>Float of {amount} added; approved by {name}. The slip is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>El movimiento quedó registrado, pero el comprobante no se imprimió: {problem}</source>
        <translation>The movement was recorded, but the slip did not print: {problem}</translation>
    </message>
</context>
<context>
    <name>OpenShiftScreen</name>
    <message>
        <location filename="../../ui/login.py" line="124"/>
        <source>Abrir turno: fondo de caja</source>
        <translation>Open shift: opening float</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="127"/>
        <source>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</source>
        <translation>Count each bill and coin: type the count and Enter. At the end, Enter opens the shift. Esc goes back.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="138"/>
        <source>Abrir turno (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="149"/>
        <source>Total del fondo</source>
        <translation>Float total</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="165"/>
        <source>Cajero: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
</context>
<context>
    <name>ReceiptQueue</name>
    <message>
        <location filename="../../ui/receipt_queue.py" line="63"/>
        <source>El recibo N° {no} no es de este turno: solo se reimprimen los recibos del turno abierto.</source>
        <translation>Receipt no. {no} is not from this shift: only receipts of the open shift are reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="119"/>
        <source>No se pudo abrir el cajón: ábralo con la llave.</source>
        <translation>The drawer did not open: open it with the key.</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="149"/>
        <source>Imprimiendo…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="154"/>
        <source>Lista</source>
        <translation>Ready</translation>
    </message>
</context>
<context>
    <name>ReportLinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="325"/>
        <source>Fondo de caja inicial</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="326"/>
        <source>Cobrado en efectivo</source>
        <translation>Taken in cash</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="327"/>
        <source>Cobrado con cheque</source>
        <translation>Taken by cheque</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="328"/>
        <source>Cobrado con tarjeta</source>
        <translation>Taken by card</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="329"/>
        <source>Anulaciones</source>
        <translation>Voids</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="330"/>
        <source>Ingresos de fondo</source>
        <translation>Float added</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="331"/>
        <source>Retiros a caja fuerte</source>
        <translation>Drops to the safe</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="332"/>
        <source>Esperado en caja</source>
        <translation>Expected in the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="349"/>
        <source>Concepto</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="349"/>
        <source>Cantidad</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="349"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="190"/>
        <source>Informe X: lectura parcial del turno</source>
        <translation>X report: mid-shift reading</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="197"/>
        <source>Enter imprime · F3 guarda el PDF · Esc vuelve al mostrador. El informe X no cierra nada.</source>
        <translation>Enter prints · F3 saves the PDF · Esc goes back to the counter. The X report closes nothing.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="219"/>
        <source>Cajero: {name} · turno abierto {when}</source>
        <translation>Cashier: {name} · shift opened {when}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="242"/>
        <source>Imprimiendo el informe X…</source>
        <translation>Printing the X report…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="248"/>
        <source>Guardando el PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="252"/>
        <source>Informe guardado en {path}</source>
        <translation>Report saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="259"/>
        <source>El informe X no se imprimió: {problem}</source>
        <translation>The X report did not print: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="261"/>
        <source>Informe X impreso.</source>
        <translation>X report printed.</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="692"/>
        <location filename="../../ui/shift_screens.py" line="694"/>
        <source>Reimprimir un recibo</source>
        <translation>Reprint a receipt</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="699"/>
        <source>Escriba el número del recibo y Enter. Esc cancela.</source>
        <translation>Type the receipt number and Enter. Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="701"/>
        <source>Recibo N°</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="723"/>
        <source>Escriba el número del recibo.</source>
        <translation>Type the receipt number.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/models.py" line="65"/>
        <source>Cuenta</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="66"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="67"/>
        <source>Empresa</source>
        <translation>Biller</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="68"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="69"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ShiftPaymentsModel</name>
    <message>
        <location filename="../../ui/models.py" line="249"/>
        <source>Recibo</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="250"/>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="251"/>
        <source>Cuenta</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="252"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="253"/>
        <source>Pagado</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="254"/>
        <source>Vuelto</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="270"/>
        <source>ANULADO · {name}</source>
        <translation>VOID · {name}</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/status.py" line="56"/>
        <location filename="../../ui/status.py" line="117"/>
        <source>Conectando con la central…</source>
        <translation>Connecting to central…</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="62"/>
        <source>Sin sesión</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="65"/>
        <source>Cajero: {name} · turno abierto · {terminal}</source>
        <translation>Cashier: {name} · shift open · {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="73"/>
        <source>menos de 1 min</source>
        <translation>under 1 min</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="75"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="78"/>
        <source>{n} h</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="79"/>
        <source>{n} días</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="83"/>
        <source>Impresora: lista</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="84"/>
        <source>Impresora: imprimiendo…</source>
        <translation>Printer: printing…</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="85"/>
        <source>Impresora: no configurada</source>
        <translation>Printer: not configured</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="86"/>
        <source>Impresora: sin papel</source>
        <translation>Printer: out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="87"/>
        <source>Impresora: tapa abierta</source>
        <translation>Printer: cover open</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="88"/>
        <source>Impresora: apagada o desconectada</source>
        <translation>Printer: off or disconnected</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="89"/>
        <source>Impresora: no responde</source>
        <translation>Printer: not answering</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="93"/>
        <source>Impresora: con problemas</source>
        <translation>Printer: in trouble</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="139"/>
        <source>{sync} · {n} en revisión</source>
        <translation>{sync} · {n} under review</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="144"/>
        <source>Sin central: cobrando sin conexión</source>
        <translation>No central: taking payments offline</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="119"/>
        <source>En línea</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="119"/>
        <source>Sin conexión</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="129"/>
        <source>Por enviar: {n} (el más antiguo hace {age})</source>
        <translation>To send: {n} (oldest {age} ago)</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="133"/>
        <source>Por enviar: {n}</source>
        <translation>To send: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="135"/>
        <source>Todo enviado</source>
        <translation>All sent</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="137"/>
        <source>{sync} · último envío {when}</source>
        <translation>{sync} · last sent {when}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>No se pudo leer o guardar en el disco de la caja. Intente de nuevo; si se repite, llame a soporte.</source>
        <translation>The counter&apos;s disk could not be read or written. Try again; if it happens again, call support.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>Ocurrió un error inesperado y no se completó la operación. Intente de nuevo; si se repite, llame a soporte.</source>
        <translation>An unexpected error stopped the operation. Try again; if it happens again, call support.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/models.py" line="28"/>
        <source>Vigente</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="29"/>
        <source>Acuerdo de pago</source>
        <translation>Payment agreement</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="30"/>
        <source>Cobranza judicial</source>
        <translation>Legal collection</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="31"/>
        <source>Castigada</source>
        <translation>Written off</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="299"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="300"/>
        <source>Cheques</source>
        <translation>Cheques</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="301"/>
        <source>Tarjeta</source>
        <translation>Card</translation>
    </message>
</context>
</TS>
