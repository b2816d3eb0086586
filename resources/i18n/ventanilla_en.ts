<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter.py" line="90"/>
        <source>Escanee la factura o escriba cuenta, cédula o nombre y Enter</source>
        <translation>Scan the bill or type account, ID or name and Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="109"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="123"/>
        <source>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</source>
        <translation>Scan the customer&apos;s bill or type their account number, ID or name.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="131"/>
        <source>Facturas pendientes, la más antigua primero (F7, Espacio elige)</source>
        <translation>Open bills, oldest first (F7, Space selects)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="138"/>
        <source>F2 Efectivo</source>
        <translation>F2 Cash</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="139"/>
        <source>F3 Cheque</source>
        <translation>F3 Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="140"/>
        <source>F4 Tarjeta</source>
        <translation>F4 Card</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="141"/>
        <source>F5 Mixto</source>
        <translation>F5 Split</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="158"/>
        <source>A pagar (F6)</source>
        <translation>To pay (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="161"/>
        <source>Recibido</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="191"/>
        <source>Cobros de este turno (F8, Enter reimprime)</source>
        <translation>Payments in this shift (F8, Enter reprints)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="312"/>
        <source>Pulse F2 para cobrar en efectivo, o Esc para atender a otro cliente.</source>
        <translation>Press F2 to take cash, or Esc to serve another customer.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="317"/>
        <source>Buscando…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="335"/>
        <source>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</source>
        <translation>No account found. Check what you typed or try the name.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="340"/>
        <source>{n} cuentas: ↑ ↓ para elegir</source>
        <translation>{n} accounts: ↑ ↓ to choose</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="378"/>
        <source>Busque una cuenta para cobrar.</source>
        <translation>Find an account to take a payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="382"/>
        <source>{biller} · cuenta {account}</source>
        <translation>{biller} · account {account}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="384"/>
        <source>{segment} · {status} · {national_id}</source>
        <translation>{segment} · {status} · {national_id}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="389"/>
        <source>Cobranza judicial: no se cobra en caja</source>
        <translation>In legal collection: not payable at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="390"/>
        <source>Acuerdo de pago vigente</source>
        <translation>Payment agreement in force</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="391"/>
        <source>Cuenta castigada: el pago es recuperación</source>
        <translation>Written-off account: the payment is a recovery</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="398"/>
        <source>en línea</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="401"/>
        <source>sin conexión — saldo al {when}</source>
        <translation>offline — balance as of {when}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="412"/>
        <source>La factura dice {bill}; lo que se debe en caja es {owed}.</source>
        <translation>The bill says {bill}; the amount owed here is {owed}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="416"/>
        <source>Esta cuenta no tiene facturas pendientes.</source>
        <translation>This account has no open bills.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="420"/>
        <location filename="../../ui/counter.py" line="514"/>
        <source>F2 efectivo · F6 cambiar monto · F7 elegir facturas · Esc otro cliente</source>
        <translation>F2 cash · F6 change amount · F7 choose bills · Esc next customer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="423"/>
        <source>Residencial</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="423"/>
        <source>Comercial</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="450"/>
        <source>Primero busque la cuenta: escanee la factura o escriba la cuenta.</source>
        <translation>First find the account: scan the bill or type the account.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="463"/>
        <source>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</source>
        <translation>Enter takes the payment · type what you received if not exact · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="468"/>
        <source>El cobro con cheque todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>Cheque payments are not enabled at this counter yet. Take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="469"/>
        <source>El cobro con tarjeta todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>Card payments are not enabled at this counter yet. Take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="470"/>
        <source>El cobro mixto todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>Split payments are not enabled at this counter yet. Take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="539"/>
        <source>Faltan</source>
        <translation>Short by</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="541"/>
        <location filename="../../ui/counter.py" line="543"/>
        <location filename="../../ui/counter.py" line="626"/>
        <source>Vuelto</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="541"/>
        <source>Escriba cuánto entregó el cliente.</source>
        <translation>Type how much the customer handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="561"/>
        <source>Elija al menos una factura (F7 y Espacio).</source>
        <translation>Choose at least one bill (F7 and Space).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="576"/>
        <source>Registrando el pago…</source>
        <translation>Recording the payment…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="584"/>
        <source>Entregue vuelto</source>
        <translation>Give change</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="586"/>
        <source>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</source>
        <translation>Receipt no. {no} · {name} · paid {amount} · received {received}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="626"/>
        <source>El vuelto aparece aquí al cobrar en efectivo (F2).</source>
        <translation>The change shows here when you take cash (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="638"/>
        <source>Todavía no hay un recibo para reimprimir en este turno.</source>
        <translation>There is no receipt to reprint in this shift yet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="653"/>
        <source>Reimprimiendo el recibo N° {no} (COPIA).</source>
        <translation>Reprinting receipt no. {no} (COPY).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="660"/>
        <source>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</source>
        <translation>The payment for receipt no. {no} is recorded, but: {problem} Reprint with F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="666"/>
        <source>Copia del recibo N° {no} impresa.</source>
        <translation>Copy of receipt no. {no} printed.</translation>
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
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.py" line="29"/>
        <source>Ventanilla — caja de recaudo</source>
        <translation>Ventanilla — payment counter</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="30"/>
        <source>{outlet} · {terminal}</source>
        <translation>{outlet} · {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40"/>
        <source>Entrar (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="42"/>
        <source>Escriba su usuario, Enter, su PIN y Enter.</source>
        <translation>Type your user, Enter, your PIN and Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="45"/>
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="46"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="89"/>
        <source>Escriba su usuario.</source>
        <translation>Type your user name.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Escriba su PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="25"/>
        <source>Ventanilla — {terminal}</source>
        <translation>Ventanilla — {terminal}</translation>
    </message>
</context>
<context>
    <name>OpenShiftScreen</name>
    <message>
        <location filename="../../ui/login.py" line="147"/>
        <source>Abrir turno: fondo de caja</source>
        <extracomment>bills and coins per currency, in major units (the opening float is counted by these)</extracomment>
        <translation>Open shift: opening float</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="150"/>
        <source>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</source>
        <translation>Count each bill and coin: type the count and Enter. At the end, Enter opens the shift. Esc goes back.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="155"/>
        <source>Denominación</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="156"/>
        <source>Cantidad</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="157"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="161"/>
        <source>moneda</source>
        <translation>coin</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="161"/>
        <source>billete</source>
        <translation>bill</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="162"/>
        <source>{amount} ({kind})</source>
        <translation>{amount} ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="182"/>
        <source>Abrir turno (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="193"/>
        <source>Total del fondo</source>
        <translation>Float total</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="209"/>
        <source>Cajero: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
</context>
<context>
    <name>ReceiptQueue</name>
    <message>
        <location filename="../../ui/receipt_queue.py" line="92"/>
        <source>Imprimiendo…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="97"/>
        <source>Lista</source>
        <translation>Ready</translation>
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
        <location filename="../../ui/models.py" line="240"/>
        <source>Recibo</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="241"/>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242"/>
        <source>Cuenta</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="243"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="244"/>
        <source>Pagado</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="245"/>
        <source>Vuelto</source>
        <translation>Change</translation>
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
</context>
</TS>
