<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval.py" line="82"/>
        <source>Autorizar (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="83"/>
        <source>Cancelar (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="88"/>
        <location filename="../../ui/approval.py" line="206"/>
        <source>El supervisor escribe su usuario y su PIN. Enter pasa al campo siguiente.</source>
        <translation>The supervisor types their user and PIN. Enter moves to the next field.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="93"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="94"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="95"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="97"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="157"/>
        <source>El monto debe ser mayor que cero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="178"/>
        <source>Escriba el usuario del supervisor.</source>
        <translation>Type the supervisor&apos;s user.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="181"/>
        <source>Escriba el PIN del supervisor.</source>
        <translation>Type the supervisor&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="184"/>
        <source>Escriba el motivo.</source>
        <translation>Type the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="189"/>
        <source>La autorización la da un supervisor distinto del cajero.</source>
        <translation>Approval must come from a supervisor other than the cashier.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="204"/>
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
        <location filename="../../ui/counter.py" line="149"/>
        <source>Escanee la factura o escriba cuenta, cédula o nombre y Enter</source>
        <extracomment>what the policy check fills in for a field the cashier has not finished (its messages are not shown)</extracomment>
        <translation>Scan the bill or type account, ID or name and Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="170"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="184"/>
        <source>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</source>
        <translation>Scan the customer&apos;s bill or type their account number, ID or name.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="192"/>
        <source>Facturas pendientes, la más antigua primero (F7, Espacio elige)</source>
        <translation>Open bills, oldest first (F7, Space selects)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="199"/>
        <source>F2 Efectivo</source>
        <translation>F2 Cash</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="200"/>
        <source>F3 Cheque</source>
        <translation>F3 Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="201"/>
        <source>F4 Tarjeta</source>
        <translation>F4 Card</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="202"/>
        <source>F5 Mixto</source>
        <translation>F5 Split</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="220"/>
        <source>A pagar (F6)</source>
        <translation>To pay (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="216"/>
        <source>Recibido</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="301"/>
        <source>Cobros de este turno (F8: Enter reimprime · Supr anula)</source>
        <translation>Payments this shift (F8: Enter reprints · Delete voids)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="474"/>
        <source>Buscando…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="492"/>
        <source>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</source>
        <translation>No account found. Check what you typed or try the name.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="497"/>
        <source>{n} cuentas: ↑ ↓ para elegir</source>
        <translation>{n} accounts: ↑ ↓ to choose</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="546"/>
        <source>Busque una cuenta para cobrar.</source>
        <translation>Find an account to take a payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="550"/>
        <source>{biller} · cuenta {account}</source>
        <translation>{biller} · account {account}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="552"/>
        <source>{segment} · {status} · {national_id}</source>
        <translation>{segment} · {status} · {national_id}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="557"/>
        <source>Cobranza judicial: no se cobra en caja</source>
        <translation>In legal collection: not payable at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="558"/>
        <source>Acuerdo de pago vigente</source>
        <translation>Payment agreement in force</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="559"/>
        <source>Cuenta castigada: el pago es recuperación</source>
        <translation>Written-off account: the payment is a recovery</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="566"/>
        <location filename="../../ui/counter.py" line="678"/>
        <source>en línea</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="569"/>
        <source>sin conexión — saldo al {when}</source>
        <translation>offline — balance as of {when}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="580"/>
        <source>La factura dice {bill}; lo que se debe en caja es {owed}.</source>
        <translation>The bill says {bill}; the amount owed here is {owed}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="584"/>
        <source>Esta cuenta no tiene facturas pendientes.</source>
        <translation>This account has no open bills.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="697"/>
        <source>Residencial</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="697"/>
        <source>Comercial</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="735"/>
        <source>Primero busque la cuenta: escanee la factura o escriba la cuenta.</source>
        <translation>First find the account: scan the bill or type the account.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="776"/>
        <source>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</source>
        <translation>Enter takes the payment · type what you received if not exact · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1011"/>
        <source>Faltan</source>
        <translation>Short by</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="921"/>
        <location filename="../../ui/counter.py" line="997"/>
        <location filename="../../ui/counter.py" line="1000"/>
        <location filename="../../ui/counter.py" line="1013"/>
        <location filename="../../ui/counter.py" line="1015"/>
        <location filename="../../ui/counter.py" line="1401"/>
        <source>Vuelto</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="227"/>
        <source>Descuento (F11)</source>
        <translation>Discount (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="245"/>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="246"/>
        <source>Elija el banco (escriba el código)</source>
        <translation>Choose the bank (type its code)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="262"/>
        <source>Medios de pago (F2 efectivo · F3 cheque · F4 tarjeta · Supr quita)</source>
        <translation>Tenders (F2 cash · F3 cheque · F4 card · Del removes)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="469"/>
        <source>Pulse F2 efectivo, F3 cheque, F4 tarjeta o F5 mixto para cobrar, o Esc para atender a otro cliente.</source>
        <translation>Press F2 cash, F3 cheque, F4 card or F5 split to take the payment, or Esc to serve another customer.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="592"/>
        <source>Elija la marca</source>
        <translation>Choose the brand</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="613"/>
        <source>Sin descuento: la deuda tiene {age} días de atraso y los descuentos empiezan a los {days}.</source>
        <translation>No discount: the debt is {age} days overdue and discounts start at {days}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="616"/>
        <source>Deuda de {age} días: el cajero descuenta hasta {cashier} %, con supervisor hasta {supervisor} %.</source>
        <translation>Debt {age} days overdue: the cashier may discount up to {cashier} %, with a supervisor up to {supervisor} %.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="647"/>
        <source>F2 efectivo · F3 cheque · F4 tarjeta · F5 mixto · F6 monto · F7 facturas · Esc otro cliente</source>
        <translation>F2 cash · F3 cheque · F4 card · F5 split · F6 amount · F7 bills · Esc next customer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="756"/>
        <location filename="../../ui/counter.py" line="791"/>
        <source>El total ya está cubierto: Enter cobra, o Supr quita un medio de la lista.</source>
        <translation>The total is covered: Enter takes the payment, or Del removes a tender from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="763"/>
        <source>Enter agrega el efectivo (y cobra si cubre el total) · Esc vuelve a la lista</source>
        <translation>Enter adds the cash (and takes the payment if it covers the total) · Esc back to the list</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="798"/>
        <source>Enter pasa al campo siguiente; en el último agrega el medio de pago · Esc vuelve a la lista</source>
        <translation>Enter moves to the next field; on the last one it adds the tender · Esc back to the list</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="807"/>
        <source>Enter pasa al campo siguiente; en el último cobra · Esc cancela</source>
        <translation>Enter moves to the next field; on the last one it takes the payment · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="823"/>
        <location filename="../../ui/counter.py" line="885"/>
        <source>Agregue cada medio de pago: F2 efectivo, F3 cheque, F4 tarjeta · Supr quita el elegido · Enter cobra · Esc cancela</source>
        <translation>Add each tender: F2 cash, F3 cheque, F4 card · Del removes the chosen one · Enter takes the payment · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="850"/>
        <source>Escriba cuánto efectivo entregó el cliente.</source>
        <translation>Type how much cash the customer handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="871"/>
        <source>Un cheque no da vuelto: su monto no puede pasar de lo que falta cubrir ({rest}).</source>
        <translation>A cheque gives no change: its amount cannot exceed what is left to cover ({rest}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="873"/>
        <source>Con tarjeta no se da vuelto: el monto no puede pasar de lo que falta cubrir ({rest}).</source>
        <translation>A card gives no change: the amount cannot exceed what is left to cover ({rest}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="916"/>
        <location filename="../../ui/counter.py" line="1002"/>
        <source>Falta cubrir</source>
        <translation>Left to cover</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="917"/>
        <source>{n} medio(s) de pago agregado(s). F2, F3 o F4 agrega otro.</source>
        <translation>{n} tender(s) added. F2, F3 or F4 adds another.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="921"/>
        <source>Cubierto: Enter cobra.</source>
        <translation>Covered: Enter takes the payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="923"/>
        <source>Sobra</source>
        <translation>Too much</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="924"/>
        <source>Los medios de pago pasan del monto a pagar: quite uno con Supr.</source>
        <translation>The tenders exceed the amount to pay: remove one with Del.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="997"/>
        <location filename="../../ui/counter.py" line="1013"/>
        <source>Escriba cuánto entregó el cliente.</source>
        <translation>Type how much the customer handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1003"/>
        <source>Lo que falte se cubre con otro medio de pago (F3, F4).</source>
        <translation>What is missing is covered by another tender (F3, F4).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1069"/>
        <source>Falta cubrir {amount}: agregue otro medio de pago (F2, F3 o F4).</source>
        <translation>{amount} left to cover: add another tender (F2, F3 or F4).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1071"/>
        <source>Los medios de pago pasan del monto a pagar por {amount}: quite uno con Supr.</source>
        <translation>The tenders exceed the amount to pay by {amount}: remove one with Del.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1169"/>
        <source>{message} Un supervisor puede autorizarlo al cobrar.</source>
        <translation>{message} A supervisor may approve it when you take the payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1171"/>
        <source>Medio {n}: {message}</source>
        <translation>Tender {n}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1233"/>
        <source>Elija al menos una factura (F7 y Espacio).</source>
        <translation>Choose at least one bill (F7 and Space).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1272"/>
        <source>• {message}</source>
        <translation>• {message}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1281"/>
        <source>Autorización de un supervisor</source>
        <translation>Supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1282"/>
        <source>Para cobrar este pago hace falta un supervisor:
{reasons}</source>
        <translation>This payment needs a supervisor:
{reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1290"/>
        <source>No se cobró: falta la autorización del supervisor. Corrija el pago o pulse Enter otra vez.</source>
        <translation>Not taken: the supervisor&apos;s approval is missing. Correct the payment or press Enter again.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1300"/>
        <source>Registrando el pago…</source>
        <translation>Recording the payment…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1302"/>
        <source>Corrija lo marcado y pulse Enter para cobrar · Esc cancela</source>
        <translation>Correct what is marked and press Enter to take the payment · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1312"/>
        <source>Entregue vuelto</source>
        <translation>Give change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1314"/>
        <source>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</source>
        <translation>Receipt no. {no} · {name} · paid {amount} · received {received}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1323"/>
        <source>Cobrado, sin vuelto</source>
        <translation>Paid, no change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1325"/>
        <source>Recibo N° {no} · {name} · pagado sin efectivo</source>
        <translation>Receipt No. {no} · {name} · paid without cash</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1401"/>
        <source>El vuelto aparece aquí al cobrar en efectivo (F2).</source>
        <translation>The change shows here when you take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1413"/>
        <source>Todavía no hay un recibo para reimprimir en este turno.</source>
        <translation>There is no receipt to reprint in this shift yet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1428"/>
        <location filename="../../ui/counter.py" line="1472"/>
        <source>Reimprimiendo el recibo N° {no} (COPIA).</source>
        <translation>Reprinting receipt no. {no} (COPY).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1439"/>
        <source>La anulación del recibo N° {no} quedó registrada, pero: {problem} Reimprima con Shift+F9.</source>
        <translation>The void of receipt no. {no} was recorded, but: {problem} Reprint with Shift+F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1447"/>
        <source>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</source>
        <translation>The payment for receipt no. {no} is recorded, but: {problem} Reprint with F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1453"/>
        <source>Copia del recibo N° {no} impresa.</source>
        <translation>Copy of receipt no. {no} printed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1482"/>
        <source>El recibo N° {no} ya está anulado.</source>
        <translation>Receipt no. {no} is already void.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1495"/>
        <source>Anular el recibo N° {no}</source>
        <translation>Void receipt no. {no}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1496"/>
        <source>{name} · cuenta {account} · {amount}. Se devuelve el dinero al cliente y se imprime el comprobante de anulación.</source>
        <translation>{name} · account {account} · {amount}. The money goes back to the customer and the void receipt prints.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1510"/>
        <source>Recibo N° {no} anulado. Devuelva {amount} al cliente; se imprime el comprobante de anulación.</source>
        <translation>Receipt no. {no} voided. Give {amount} back to the customer; the void receipt is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1514"/>
        <source>Devuelva al cliente</source>
        <translation>Give back to the customer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1516"/>
        <source>Anulación del recibo N° {no} · {name}</source>
        <translation>Void of receipt no. {no} · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1544"/>
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
        <location filename="../../ui/login.py" line="103"/>
        <source>Escriba su usuario.</source>
        <translation>Type your user name.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="107"/>
        <source>Escriba su PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="48"/>
        <source>Ventanilla — {terminal}</source>
        <translation>Ventanilla — {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>{name} (administrador) · Ctrl+, abre los ajustes</source>
        <translation>{name} (administrator) · Ctrl+, opens the settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>El efectivo de la gaveta pasó el límite: haga un retiro (1).</source>
        <translation>Cash in the drawer is over the limit: make a drop (1).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Retiro a caja fuerte (sangría)</source>
        <translation>Cash drop to the safe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Cuente el efectivo que sale de la gaveta y escriba el monto. El supervisor lo recibe y autoriza.</source>
        <translation>Count the cash leaving the drawer and type the amount. The supervisor receives and approves it.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Ingreso de fondo a la gaveta</source>
        <translation>Float added to the drawer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Escriba el efectivo que entra a la gaveta. El supervisor que lo entrega autoriza.</source>
        <translation>Type the cash going into the drawer. The supervisor who hands it over approves.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Retiro de {amount} registrado; autorizó {name}. Se imprime el comprobante.</source>
        <translation>Drop of {amount} recorded; approved by {name}. The slip is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Ingreso de fondo de {amount} registrado; autorizó {name}. Se imprime el comprobante.</source>
        <translation>Float of {amount} added; approved by {name}. The slip is printing.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>El movimiento quedó registrado, pero el comprobante no se imprimió: {problem}</source>
        <translation>The movement was recorded, but the slip did not print: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>7   Ajustes de la caja (administrador)</source>
        <translation>7   Terminal settings (administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Entre con un usuario administrador para cambiar los ajustes.</source>
        <translation>Log in as an administrator to change the settings.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Solo un administrador puede cambiar los ajustes de la caja.</source>
        <translation>Only an administrator can change the terminal settings.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Esta ventana no puede cambiar los ajustes (no sabe dónde está settings.toml).</source>
        <translation>This window cannot change the settings (it does not know where settings.toml is).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>No se puede abrir la oficina central: falta la dirección de la central (central_url, en Ajustes) y la clave de la oficina (VENTANILLA_ADMIN_TOKEN al abrir Ventanilla).</source>
        <translation>The central office cannot open: the central address (central_url, in Settings) and the office key (VENTANILLA_ADMIN_TOKEN when starting Ventanilla) are missing.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>No se puede abrir la oficina central: falta la dirección de la central (central_url); un administrador la escribe en Ajustes.</source>
        <translation>The central office cannot open: the central address (central_url) is missing; an administrator enters it in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>No se puede abrir la oficina central: falta su clave. Abra Ventanilla con la variable de entorno VENTANILLA_ADMIN_TOKEN.</source>
        <translation>The central office cannot open: its key is missing. Start Ventanilla with the VENTANILLA_ADMIN_TOKEN environment variable.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>La oficina central se abrió en otra ventana para {name}.</source>
        <translation>The central office opened in another window for {name}.</translation>
    </message>
</context>
<context>
    <name>OpenShiftScreen</name>
    <message>
        <location filename="../../ui/login.py" line="140"/>
        <source>Abrir turno: fondo de caja</source>
        <translation>Open shift: opening float</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="143"/>
        <source>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</source>
        <translation>Count each bill and coin: type the count and Enter. At the end, Enter opens the shift. Esc goes back.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="154"/>
        <source>Abrir turno (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="165"/>
        <source>Total del fondo</source>
        <translation>Float total</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="181"/>
        <source>Cajero: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
</context>
<context>
    <name>PayerIdForm</name>
    <message>
        <location filename="../../ui/tender_forms.py" line="247"/>
        <source>Documento del pagador (obligatorio por el monto en efectivo)</source>
        <translation>Payer&apos;s identity document (required for this much cash)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="253"/>
        <source>Número del documento</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="273"/>
        <source>Cédula</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="273"/>
        <source>Pasaporte</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="273"/>
        <source>RNC</source>
        <translation>RNC (tax ID)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="276"/>
        <source>Tipo de documento</source>
        <translation>Document type</translation>
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
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/settings_screen.py" line="144"/>
        <source>Ajustes de la caja</source>
        <translation>Terminal settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="146"/>
        <source>Enter: campo siguiente · Ctrl+S guarda · F5 prueba la impresora · F6 da de alta la caja · Esc vuelve</source>
        <translation>Enter: next field · Ctrl+S saves · F5 tests the printer · F6 enrols the terminal · Esc goes back</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="148"/>
        <source>Lo que se guarda aquí se aplica al reiniciar Ventanilla.</source>
        <translation>What is saved here applies when Ventanilla restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="161"/>
        <source>Estafeta y caja</source>
        <translation>Outlet and terminal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="162"/>
        <source>Estafeta</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="163"/>
        <source>Código del agente</source>
        <translation>Agent code</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="164"/>
        <source>Nombre del agente</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="165"/>
        <location filename="../../ui/settings_screen.py" line="203"/>
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="166"/>
        <source>Nombre de la caja</source>
        <translation>Terminal name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="167"/>
        <source>Pie del recibo</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="168"/>
        <source>Moneda, región e idioma</source>
        <translation>Currency, region and language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="169"/>
        <source>Moneda</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="170"/>
        <source>Formato regional</source>
        <translation>Number format</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="171"/>
        <source>Zona horaria</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="172"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="172"/>
        <source>Español</source>
        <translation>Español (Spanish)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="172"/>
        <source>English (inglés)</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="173"/>
        <source>El idioma cambia al reiniciar Ventanilla.</source>
        <translation>The language changes when Ventanilla restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="181"/>
        <source>Impresora y visor</source>
        <translation>Printer and display</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="182"/>
        <source>Impresora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="184"/>
        <source>Probar (F5)</source>
        <translation>Test (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="185"/>
        <source>Imprime la página de prueba en la impresora y el papel de arriba</source>
        <translation>Prints the test page on the printer and paper above</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="188"/>
        <source>Papel</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="189"/>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="189"/>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="189"/>
        <source>80 mm, 42 col.</source>
        <translation>80 mm, 42 col.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="192"/>
        <source>Visor del cliente</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="193"/>
        <source>vacío: sin visor; serial:///dev/ttyUSB1</source>
        <translation>empty: no display; serial:///dev/ttyUSB1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="194"/>
        <source>Cobro</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="195"/>
        <source>Política</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="196"/>
        <source>vacío: la política por defecto</source>
        <translation>empty: the default policy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="199"/>
        <source>Hora de corte</source>
        <translation>Cut-off time</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="199"/>
        <source>HH:MM, p. ej. 18:00</source>
        <translation>HH:MM, e.g. 18:00</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="200"/>
        <source>Redondeo</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="201"/>
        <source>vacío: sin redondeo</source>
        <translation>empty: no rounding</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="202"/>
        <source>Central</source>
        <translation>Central</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="207"/>
        <source>Dar de alta (F6)</source>
        <translation>Enrol (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="210"/>
        <source>Código de alta</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="227"/>
        <source>Guardar (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="230"/>
        <source>Volver (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="337"/>
        <source>{locale}  ({sample})</source>
        <translation>{locale}  ({sample})</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="387"/>
        <source>El archivo de ajustes no se puede leer ({problem}). Se muestran los valores por defecto; al guardar se reemplaza.</source>
        <translation>The settings file cannot be read ({problem}). The defaults are shown; saving replaces it.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="473"/>
        <source>Espere a que termine la operación en curso.</source>
        <translation>Wait for the current operation to finish.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="477"/>
        <source>Hay cambios sin guardar: Ctrl+S los guarda; Esc otra vez sale sin guardarlos.</source>
        <translation>There are unsaved changes: Ctrl+S saves them; Esc again leaves without saving.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="502"/>
        <source>Ajustes guardados (1 cambio). Se aplican al reiniciar Ventanilla.</source>
        <translation>Settings saved (1 change). They apply when Ventanilla restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="504"/>
        <source>Ajustes guardados ({n} cambios). Se aplican al reiniciar Ventanilla.</source>
        <translation>Settings saved ({n} changes). They apply when Ventanilla restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="506"/>
        <source>No había cambios que guardar.</source>
        <translation>There were no changes to save.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="517"/>
        <source>No se guardó nada: corrija lo marcado en rojo.</source>
        <translation>Nothing was saved: correct what is marked in red.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="525"/>
        <source>No se guardó nada: {reason}</source>
        <translation>Nothing was saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="543"/>
        <source>Política «{name}», versión {version}.</source>
        <translation>Policy “{name}”, version {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="545"/>
        <source>Sin archivo: «{name}», versión {version}.</source>
        <translation>No file: “{name}”, version {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="565"/>
        <source>Escriba la dirección de la impresora, p. ej. tcp://192.168.1.50:9100.</source>
        <translation>Enter the printer address, e.g. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="573"/>
        <source>Imprimiendo la página de prueba…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="582"/>
        <source>Página de prueba impresa (papel {profile}).</source>
        <translation>Test page printed (paper {profile}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="598"/>
        <source>Esta caja es {terminal}, dada de alta en {url}.</source>
        <translation>This terminal is {terminal}, enrolled at {url}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="600"/>
        <source>Esta caja ({terminal}) no tiene alta y ya registró operaciones: no se puede dar de alta con estos datos.</source>
        <translation>This terminal ({terminal}) is not enrolled and has already recorded operations: it cannot be enrolled with this data.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="603"/>
        <source>Sin alta en una central (caja {terminal}).</source>
        <translation>Not enrolled with a central (terminal {terminal}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="618"/>
        <source>Pidiendo el alta a la central…</source>
        <translation>Asking central to enrol this terminal…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="628"/>
        <source>Caja dada de alta: {terminal} (agente {agent}). Guarde (Ctrl+S) para conservar la dirección; el envío empieza al reiniciar Ventanilla.</source>
        <translation>Terminal enrolled: {terminal} (agent {agent}). Save (Ctrl+S) to keep the address; sending starts when Ventanilla restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="631"/>
        <source>Caja dada de alta: {terminal} (agente {agent}). El envío a la central empieza al reiniciar Ventanilla.</source>
        <translation>Terminal enrolled: {terminal} (agent {agent}). Sending to central starts when Ventanilla restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="644"/>
        <source>No hubo respuesta de la central: revise la dirección y la conexión, y vuelva a intentar.</source>
        <translation>Central did not answer: check the address and the connection, and try again.</translation>
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
    <name>SplitTendersModel</name>
    <message>
        <location filename="../../ui/models.py" line="550"/>
        <source>Medio</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="550"/>
        <source>Detalle</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="551"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="554"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="554"/>
        <source>Cheque</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="554"/>
        <source>Tarjeta</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="558"/>
        <source>recibido {received} · vuelto {change}</source>
        <translation>received {received} · change {change}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="561"/>
        <source>{bank} · n.º {number} · {drawer}</source>
        <translation>{bank} · no. {number} · {drawer}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="563"/>
        <source>{brand} ···· {last4} · aut. {auth}</source>
        <translation>{brand} ···· {last4} · auth. {auth}</translation>
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
    <name>TenderForm</name>
    <message>
        <location filename="../../ui/tender_forms.py" line="40"/>
        <source>No escriba números de tarjeta completos: anote solo los últimos 4 dígitos. No se guardó lo escrito.</source>
        <extracomment>the order the cursor follows (Enter moves to the next one) where a violation&apos;s field names a tender: ``tenders[2].bank_code``</extracomment>
        <translation>Do not type full card numbers: write only the last 4 digits. What was typed was not kept.</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="119"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="120"/>
        <source>Banco</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="121"/>
        <source>N.º de cheque</source>
        <translation>Cheque no.</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="122"/>
        <source>Cuenta del cheque</source>
        <translation>Cheque account</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="123"/>
        <source>Fecha del cheque</source>
        <translation>Cheque date</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="124"/>
        <source>Girador (nombre)</source>
        <translation>Drawer (name)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="125"/>
        <source>Cédula o RNC del girador</source>
        <translation>Drawer&apos;s ID or RNC</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="126"/>
        <source>Marca</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="127"/>
        <source>Últimos 4 dígitos</source>
        <translation>Last 4 digits</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="128"/>
        <source>Autorización (6)</source>
        <translation>Authorisation (6)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="129"/>
        <source>Ref. del terminal (opcional)</source>
        <translation>Terminal ref. (optional)</translation>
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
