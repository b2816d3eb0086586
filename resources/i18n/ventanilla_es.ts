<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="es">
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter.py" line="90"/>
        <source>Escanee la factura o escriba cuenta, cédula o nombre y Enter</source>
        <translation>Escanee la factura o escriba cuenta, cédula o nombre y Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="109"/>
        <source>Saldo</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="123"/>
        <source>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</source>
        <translation>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="131"/>
        <source>Facturas pendientes, la más antigua primero (F7, Espacio elige)</source>
        <translation>Facturas pendientes, la más antigua primero (F7, Espacio elige)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="138"/>
        <source>F2 Efectivo</source>
        <translation>F2 Efectivo</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="139"/>
        <source>F3 Cheque</source>
        <translation>F3 Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="140"/>
        <source>F4 Tarjeta</source>
        <translation>F4 Tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="141"/>
        <source>F5 Mixto</source>
        <translation>F5 Mixto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="158"/>
        <source>A pagar (F6)</source>
        <translation>A pagar (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="161"/>
        <source>Recibido</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="191"/>
        <source>Cobros de este turno (F8, Enter reimprime)</source>
        <translation>Cobros de este turno (F8, Enter reimprime)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="312"/>
        <source>Pulse F2 para cobrar en efectivo, o Esc para atender a otro cliente.</source>
        <translation>Pulse F2 para cobrar en efectivo, o Esc para atender a otro cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="317"/>
        <source>Buscando…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="335"/>
        <source>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</source>
        <translation>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="340"/>
        <source>{n} cuentas: ↑ ↓ para elegir</source>
        <translation>{n} cuentas: ↑ ↓ para elegir</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="378"/>
        <source>Busque una cuenta para cobrar.</source>
        <translation>Busque una cuenta para cobrar.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="382"/>
        <source>{biller} · cuenta {account}</source>
        <translation>{biller} · cuenta {account}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="384"/>
        <source>{segment} · {status} · {national_id}</source>
        <translation>{segment} · {status} · {national_id}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="389"/>
        <source>Cobranza judicial: no se cobra en caja</source>
        <translation>Cobranza judicial: no se cobra en caja</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="390"/>
        <source>Acuerdo de pago vigente</source>
        <translation>Acuerdo de pago vigente</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="391"/>
        <source>Cuenta castigada: el pago es recuperación</source>
        <translation>Cuenta castigada: el pago es recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="398"/>
        <source>en línea</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="401"/>
        <source>sin conexión — saldo al {when}</source>
        <translation>sin conexión — saldo al {when}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="412"/>
        <source>La factura dice {bill}; lo que se debe en caja es {owed}.</source>
        <translation>La factura dice {bill}; lo que se debe en caja es {owed}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="416"/>
        <source>Esta cuenta no tiene facturas pendientes.</source>
        <translation>Esta cuenta no tiene facturas pendientes.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="420"/>
        <location filename="../../ui/counter.py" line="514"/>
        <source>F2 efectivo · F6 cambiar monto · F7 elegir facturas · Esc otro cliente</source>
        <translation>F2 efectivo · F6 cambiar monto · F7 elegir facturas · Esc otro cliente</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="423"/>
        <source>Residencial</source>
        <translation>Residencial</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="423"/>
        <source>Comercial</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="450"/>
        <source>Primero busque la cuenta: escanee la factura o escriba la cuenta.</source>
        <translation>Primero busque la cuenta: escanee la factura o escriba la cuenta.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="463"/>
        <source>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</source>
        <translation>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="468"/>
        <source>El cobro con cheque todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>El cobro con cheque todavía no está habilitado en esta caja. Cobre en efectivo (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="469"/>
        <source>El cobro con tarjeta todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>El cobro con tarjeta todavía no está habilitado en esta caja. Cobre en efectivo (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="470"/>
        <source>El cobro mixto todavía no está habilitado en esta caja. Cobre en efectivo (F2).</source>
        <translation>El cobro mixto todavía no está habilitado en esta caja. Cobre en efectivo (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="539"/>
        <source>Faltan</source>
        <translation>Faltan</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="541"/>
        <location filename="../../ui/counter.py" line="543"/>
        <location filename="../../ui/counter.py" line="626"/>
        <source>Vuelto</source>
        <translation>Vuelto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="541"/>
        <source>Escriba cuánto entregó el cliente.</source>
        <translation>Escriba cuánto entregó el cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="561"/>
        <source>Elija al menos una factura (F7 y Espacio).</source>
        <translation>Elija al menos una factura (F7 y Espacio).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="576"/>
        <source>Registrando el pago…</source>
        <translation>Registrando el pago…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="584"/>
        <source>Entregue vuelto</source>
        <translation>Entregue vuelto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="586"/>
        <source>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</source>
        <translation>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="626"/>
        <source>El vuelto aparece aquí al cobrar en efectivo (F2).</source>
        <translation>El vuelto aparece aquí al cobrar en efectivo (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="638"/>
        <source>Todavía no hay un recibo para reimprimir en este turno.</source>
        <translation>Todavía no hay un recibo para reimprimir en este turno.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="653"/>
        <source>Reimprimiendo el recibo N° {no} (COPIA).</source>
        <translation>Reimprimiendo el recibo N° {no} (COPIA).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="660"/>
        <source>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</source>
        <translation>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="666"/>
        <source>Copia del recibo N° {no} impresa.</source>
        <translation>Copia del recibo N° {no} impresa.</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../ui/models.py" line="157"/>
        <source>Pagar</source>
        <translation>Pagar</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="158"/>
        <source>Documento</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="159"/>
        <source>Vence</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="160"/>
        <source>Días vencida</source>
        <translation>Días vencida</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="161"/>
        <source>Pendiente</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="183"/>
        <source>al día</source>
        <translation>al día</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.py" line="29"/>
        <source>Ventanilla — caja de recaudo</source>
        <translation>Ventanilla — caja de recaudo</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="30"/>
        <source>{outlet} · {terminal}</source>
        <translation>{outlet} · {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40"/>
        <source>Entrar (Enter)</source>
        <translation>Entrar (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="42"/>
        <source>Escriba su usuario, Enter, su PIN y Enter.</source>
        <translation>Escriba su usuario, Enter, su PIN y Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="45"/>
        <source>Usuario</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="46"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="89"/>
        <source>Escriba su usuario.</source>
        <translation>Escriba su usuario.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Escriba su PIN.</source>
        <translation>Escriba su PIN.</translation>
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
        <translation>Abrir turno: fondo de caja</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="150"/>
        <source>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</source>
        <translation>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="155"/>
        <source>Denominación</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="156"/>
        <source>Cantidad</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="157"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="161"/>
        <source>moneda</source>
        <translation>moneda</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="161"/>
        <source>billete</source>
        <translation>billete</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="162"/>
        <source>{amount} ({kind})</source>
        <translation>{amount} ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="182"/>
        <source>Abrir turno (Enter)</source>
        <translation>Abrir turno (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="193"/>
        <source>Total del fondo</source>
        <translation>Total del fondo</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="209"/>
        <source>Cajero: {name}</source>
        <translation>Cajero: {name}</translation>
    </message>
</context>
<context>
    <name>ReceiptQueue</name>
    <message>
        <location filename="../../ui/receipt_queue.py" line="92"/>
        <source>Imprimiendo…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="97"/>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/models.py" line="65"/>
        <source>Cuenta</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="66"/>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="67"/>
        <source>Empresa</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="68"/>
        <source>Saldo</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="69"/>
        <source>Estado</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>ShiftPaymentsModel</name>
    <message>
        <location filename="../../ui/models.py" line="240"/>
        <source>Recibo</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="241"/>
        <source>Hora</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242"/>
        <source>Cuenta</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="243"/>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="244"/>
        <source>Pagado</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="245"/>
        <source>Vuelto</source>
        <translation>Vuelto</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/status.py" line="56"/>
        <location filename="../../ui/status.py" line="117"/>
        <source>Conectando con la central…</source>
        <translation>Conectando con la central…</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="62"/>
        <source>Sin sesión</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="65"/>
        <source>Cajero: {name} · turno abierto · {terminal}</source>
        <translation>Cajero: {name} · turno abierto · {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="73"/>
        <source>menos de 1 min</source>
        <translation>menos de 1 min</translation>
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
        <translation>{n} días</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="83"/>
        <source>Impresora: lista</source>
        <translation>Impresora: lista</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="84"/>
        <source>Impresora: imprimiendo…</source>
        <translation>Impresora: imprimiendo…</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="85"/>
        <source>Impresora: no configurada</source>
        <translation>Impresora: no configurada</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="86"/>
        <source>Impresora: sin papel</source>
        <translation>Impresora: sin papel</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="87"/>
        <source>Impresora: tapa abierta</source>
        <translation>Impresora: tapa abierta</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="88"/>
        <source>Impresora: apagada o desconectada</source>
        <translation>Impresora: apagada o desconectada</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="89"/>
        <source>Impresora: no responde</source>
        <translation>Impresora: no responde</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="93"/>
        <source>Impresora: con problemas</source>
        <translation>Impresora: con problemas</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="139"/>
        <source>{sync} · {n} en revisión</source>
        <translation>{sync} · {n} en revisión</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="144"/>
        <source>Sin central: cobrando sin conexión</source>
        <translation>Sin central: cobrando sin conexión</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="119"/>
        <source>En línea</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="119"/>
        <source>Sin conexión</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="129"/>
        <source>Por enviar: {n} (el más antiguo hace {age})</source>
        <translation>Por enviar: {n} (el más antiguo hace {age})</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="133"/>
        <source>Por enviar: {n}</source>
        <translation>Por enviar: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="135"/>
        <source>Todo enviado</source>
        <translation>Todo enviado</translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="137"/>
        <source>{sync} · último envío {when}</source>
        <translation>{sync} · último envío {when}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>No se pudo leer o guardar en el disco de la caja. Intente de nuevo; si se repite, llame a soporte.</source>
        <translation>No se pudo leer o guardar en el disco de la caja. Intente de nuevo; si se repite, llame a soporte.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>Ocurrió un error inesperado y no se completó la operación. Intente de nuevo; si se repite, llame a soporte.</source>
        <translation>Ocurrió un error inesperado y no se completó la operación. Intente de nuevo; si se repite, llame a soporte.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/models.py" line="28"/>
        <source>Vigente</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="29"/>
        <source>Acuerdo de pago</source>
        <translation>Acuerdo de pago</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="30"/>
        <source>Cobranza judicial</source>
        <translation>Cobranza judicial</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="31"/>
        <source>Castigada</source>
        <translation>Castigada</translation>
    </message>
</context>
</TS>
