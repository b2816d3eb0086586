<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="es">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval.py" line="82"/>
        <source>Autorizar (Enter)</source>
        <translation>Autorizar (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="83"/>
        <source>Cancelar (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="88"/>
        <location filename="../../ui/approval.py" line="206"/>
        <source>El supervisor escribe su usuario y su PIN. Enter pasa al campo siguiente.</source>
        <translation>El supervisor escribe su usuario y su PIN. Enter pasa al campo siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="93"/>
        <source>Monto</source>
        <translation>Monto</translation>
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
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="157"/>
        <source>El monto debe ser mayor que cero.</source>
        <translation>El monto debe ser mayor que cero.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="178"/>
        <source>Escriba el usuario del supervisor.</source>
        <translation>Escriba el usuario del supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="181"/>
        <source>Escriba el PIN del supervisor.</source>
        <translation>Escriba el PIN del supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="184"/>
        <source>Escriba el motivo.</source>
        <translation>Escriba el motivo.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="189"/>
        <source>La autorización la da un supervisor distinto del cajero.</source>
        <translation>La autorización la da un supervisor distinto del cajero.</translation>
    </message>
    <message>
        <location filename="../../ui/approval.py" line="204"/>
        <source>Verificando…</source>
        <translation>Verificando…</translation>
    </message>
</context>
<context>
    <name>CashMenuScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="122"/>
        <source>Caja</source>
        <translation>Caja</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="123"/>
        <source>Pulse el número de la opción, o ↑ ↓ y Enter. Esc vuelve al mostrador.</source>
        <translation>Pulse el número de la opción, o ↑ ↓ y Enter. Esc vuelve al mostrador.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="126"/>
        <source>1   Retiro a caja fuerte (sangría)</source>
        <translation>1   Retiro a caja fuerte (sangría)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="127"/>
        <source>2   Ingreso de fondo a la gaveta</source>
        <translation>2   Ingreso de fondo a la gaveta</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="128"/>
        <source>3   Informe X (lectura parcial, no cierra)</source>
        <translation>3   Informe X (lectura parcial, no cierra)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="129"/>
        <source>4   Reimprimir un recibo por su número</source>
        <translation>4   Reimprimir un recibo por su número</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="130"/>
        <location filename="../../ui/shift_screens.py" line="156"/>
        <source>5   Recibos que no se imprimieron</source>
        <translation>5   Recibos que no se imprimieron</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="131"/>
        <source>6   Cerrar turno (arqueo a ciegas)</source>
        <translation>6   Cerrar turno (arqueo a ciegas)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="158"/>
        <source>5   Recibos que no se imprimieron ({n})</source>
        <translation>5   Recibos que no se imprimieron ({n})</translation>
    </message>
</context>
<context>
    <name>CloseResultModel</name>
    <message>
        <location filename="../../ui/models.py" line="408"/>
        <source>sobrante</source>
        <translation>sobrante</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="410"/>
        <source>faltante</source>
        <translation>faltante</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="411"/>
        <source>cuadra</source>
        <translation>cuadra</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="423"/>
        <source>Medio</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="424"/>
        <source>Esperado</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="425"/>
        <source>Contado</source>
        <translation>Contado</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="426"/>
        <source>Diferencia</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="427"/>
        <source>Resultado</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>CloseShiftScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="301"/>
        <source>Cerrar turno: arqueo a ciegas</source>
        <translation>Cerrar turno: arqueo a ciegas</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="304"/>
        <source>Cuente el efectivo de la gaveta por denominación, luego los cheques y el total del cierre del datáfono. Lo esperado se ve después de entregar el conteo. Enter pasa al siguiente; Esc vuelve al mostrador.</source>
        <translation>Cuente el efectivo de la gaveta por denominación, luego los cheques y el total del cierre del datáfono. Lo esperado se ve después de entregar el conteo. Enter pasa al siguiente; Esc vuelve al mostrador.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="326"/>
        <source>Entregar el conteo y ver el resultado (Enter)</source>
        <translation>Entregar el conteo y ver el resultado (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="331"/>
        <source>Efectivo contado</source>
        <translation>Efectivo contado</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="334"/>
        <source>Cheques: cantidad</source>
        <translation>Cheques: cantidad</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="336"/>
        <source>Cheques: total</source>
        <translation>Cheques: total</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="338"/>
        <source>Tarjeta: total del cierre del datáfono</source>
        <translation>Tarjeta: total del cierre del datáfono</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="366"/>
        <source>Resultado del arqueo</source>
        <translation>Resultado del arqueo</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="394"/>
        <source>Cajero: {name}</source>
        <translation>Cajero: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="428"/>
        <source>Escriba cuántos cheques hay.</source>
        <translation>Escriba cuántos cheques hay.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="473"/>
        <source>Turno cerrado con la diferencia aprobada por {name}. Se imprime el informe Z.</source>
        <translation>Turno cerrado con la diferencia aprobada por {name}. Se imprime el informe Z.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="476"/>
        <source>Turno cerrado. Se imprime el informe Z.</source>
        <translation>Turno cerrado. Se imprime el informe Z.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="478"/>
        <source>F3 guarda el PDF del informe Z · F9 lo reimprime · Enter termina y vuelve al inicio de sesión.</source>
        <translation>F3 guarda el PDF del informe Z · F9 lo reimprime · Enter termina y vuelve al inicio de sesión.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="479"/>
        <source>Terminar (Enter)</source>
        <translation>Terminar (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="483"/>
        <source>La diferencia supera la tolerancia de {tolerance}. Cuente otra vez.</source>
        <translation>La diferencia supera la tolerancia de {tolerance}. Cuente otra vez.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="485"/>
        <source>Enter vuelve al conteo con lo que escribió, para corregirlo. Esc vuelve al mostrador sin cerrar.</source>
        <translation>Enter vuelve al conteo con lo que escribió, para corregirlo. Esc vuelve al mostrador sin cerrar.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="486"/>
        <source>Contar otra vez (Enter)</source>
        <translation>Contar otra vez (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="488"/>
        <source>La diferencia sigue fuera de la tolerancia de {tolerance}. Un supervisor debe aprobarla con un motivo.</source>
        <translation>La diferencia sigue fuera de la tolerancia de {tolerance}. Un supervisor debe aprobarla con un motivo.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="491"/>
        <source>Enter pide la aprobación del supervisor. Esc vuelve al mostrador sin cerrar el turno.</source>
        <translation>Enter pide la aprobación del supervisor. Esc vuelve al mostrador sin cerrar el turno.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="492"/>
        <source>Pedir aprobación (Enter)</source>
        <translation>Pedir aprobación (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="518"/>
        <source>Aprobar la diferencia del cierre</source>
        <translation>Aprobar la diferencia del cierre</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="519"/>
        <source>El supervisor revisa el conteo y escribe el motivo de la diferencia.</source>
        <translation>El supervisor revisa el conteo y escribe el motivo de la diferencia.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="549"/>
        <source>Guardando el PDF…</source>
        <translation>Guardando el PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="554"/>
        <source>Informe Z guardado en {path}</source>
        <translation>Informe Z guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="563"/>
        <source>El informe Z no se imprimió: {problem} Pulse F9 para intentarlo de nuevo.</source>
        <translation>El informe Z no se imprimió: {problem} Pulse F9 para intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="566"/>
        <source>Informe Z impreso.</source>
        <translation>Informe Z impreso.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter.py" line="149"/>
        <source>Escanee la factura o escriba cuenta, cédula o nombre y Enter</source>
        <extracomment>what the policy check fills in for a field the cashier has not finished (its messages are not shown)</extracomment>
        <translation>Escanee la factura o escriba cuenta, cédula o nombre y Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="170"/>
        <source>Saldo</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="184"/>
        <source>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</source>
        <translation>Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="192"/>
        <source>Facturas pendientes, la más antigua primero (F7, Espacio elige)</source>
        <translation>Facturas pendientes, la más antigua primero (F7, Espacio elige)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="199"/>
        <source>F2 Efectivo</source>
        <translation>F2 Efectivo</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="200"/>
        <source>F3 Cheque</source>
        <translation>F3 Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="201"/>
        <source>F4 Tarjeta</source>
        <translation>F4 Tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="202"/>
        <source>F5 Mixto</source>
        <translation>F5 Mixto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="220"/>
        <source>A pagar (F6)</source>
        <translation>A pagar (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="216"/>
        <source>Recibido</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="301"/>
        <source>Cobros de este turno (F8: Enter reimprime · Supr anula)</source>
        <translation>Cobros de este turno (F8: Enter reimprime · Supr anula)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="474"/>
        <source>Buscando…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="492"/>
        <source>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</source>
        <translation>No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="497"/>
        <source>{n} cuentas: ↑ ↓ para elegir</source>
        <translation>{n} cuentas: ↑ ↓ para elegir</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="546"/>
        <source>Busque una cuenta para cobrar.</source>
        <translation>Busque una cuenta para cobrar.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="550"/>
        <source>{biller} · cuenta {account}</source>
        <translation>{biller} · cuenta {account}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="552"/>
        <source>{segment} · {status} · {national_id}</source>
        <translation>{segment} · {status} · {national_id}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="557"/>
        <source>Cobranza judicial: no se cobra en caja</source>
        <translation>Cobranza judicial: no se cobra en caja</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="558"/>
        <source>Acuerdo de pago vigente</source>
        <translation>Acuerdo de pago vigente</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="559"/>
        <source>Cuenta castigada: el pago es recuperación</source>
        <translation>Cuenta castigada: el pago es recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="566"/>
        <location filename="../../ui/counter.py" line="678"/>
        <source>en línea</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="569"/>
        <source>sin conexión — saldo al {when}</source>
        <translation>sin conexión — saldo al {when}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="580"/>
        <source>La factura dice {bill}; lo que se debe en caja es {owed}.</source>
        <translation>La factura dice {bill}; lo que se debe en caja es {owed}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="584"/>
        <source>Esta cuenta no tiene facturas pendientes.</source>
        <translation>Esta cuenta no tiene facturas pendientes.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="697"/>
        <source>Residencial</source>
        <translation>Residencial</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="697"/>
        <source>Comercial</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="735"/>
        <source>Primero busque la cuenta: escanee la factura o escriba la cuenta.</source>
        <translation>Primero busque la cuenta: escanee la factura o escriba la cuenta.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="776"/>
        <source>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</source>
        <translation>Enter cobra · escriba lo recibido si no es exacto · Esc cancela</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1011"/>
        <source>Faltan</source>
        <translation>Faltan</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="921"/>
        <location filename="../../ui/counter.py" line="997"/>
        <location filename="../../ui/counter.py" line="1000"/>
        <location filename="../../ui/counter.py" line="1013"/>
        <location filename="../../ui/counter.py" line="1015"/>
        <location filename="../../ui/counter.py" line="1401"/>
        <source>Vuelto</source>
        <translation>Vuelto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="227"/>
        <source>Descuento (F11)</source>
        <translation>Descuento (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="245"/>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="246"/>
        <source>Elija el banco (escriba el código)</source>
        <translation>Elija el banco (escriba el código)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="262"/>
        <source>Medios de pago (F2 efectivo · F3 cheque · F4 tarjeta · Supr quita)</source>
        <translation>Medios de pago (F2 efectivo · F3 cheque · F4 tarjeta · Supr quita)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="469"/>
        <source>Pulse F2 efectivo, F3 cheque, F4 tarjeta o F5 mixto para cobrar, o Esc para atender a otro cliente.</source>
        <translation>Pulse F2 efectivo, F3 cheque, F4 tarjeta o F5 mixto para cobrar, o Esc para atender a otro cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="592"/>
        <source>Elija la marca</source>
        <translation>Elija la marca</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="613"/>
        <source>Sin descuento: la deuda tiene {age} días de atraso y los descuentos empiezan a los {days}.</source>
        <translation>Sin descuento: la deuda tiene {age} días de atraso y los descuentos empiezan a los {days}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="616"/>
        <source>Deuda de {age} días: el cajero descuenta hasta {cashier} %, con supervisor hasta {supervisor} %.</source>
        <translation>Deuda de {age} días: el cajero descuenta hasta {cashier} %, con supervisor hasta {supervisor} %.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="647"/>
        <source>F2 efectivo · F3 cheque · F4 tarjeta · F5 mixto · F6 monto · F7 facturas · Esc otro cliente</source>
        <translation>F2 efectivo · F3 cheque · F4 tarjeta · F5 mixto · F6 monto · F7 facturas · Esc otro cliente</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="756"/>
        <location filename="../../ui/counter.py" line="791"/>
        <source>El total ya está cubierto: Enter cobra, o Supr quita un medio de la lista.</source>
        <translation>El total ya está cubierto: Enter cobra, o Supr quita un medio de la lista.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="763"/>
        <source>Enter agrega el efectivo (y cobra si cubre el total) · Esc vuelve a la lista</source>
        <translation>Enter agrega el efectivo (y cobra si cubre el total) · Esc vuelve a la lista</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="798"/>
        <source>Enter pasa al campo siguiente; en el último agrega el medio de pago · Esc vuelve a la lista</source>
        <translation>Enter pasa al campo siguiente; en el último agrega el medio de pago · Esc vuelve a la lista</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="807"/>
        <source>Enter pasa al campo siguiente; en el último cobra · Esc cancela</source>
        <translation>Enter pasa al campo siguiente; en el último cobra · Esc cancela</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="823"/>
        <location filename="../../ui/counter.py" line="885"/>
        <source>Agregue cada medio de pago: F2 efectivo, F3 cheque, F4 tarjeta · Supr quita el elegido · Enter cobra · Esc cancela</source>
        <translation>Agregue cada medio de pago: F2 efectivo, F3 cheque, F4 tarjeta · Supr quita el elegido · Enter cobra · Esc cancela</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="850"/>
        <source>Escriba cuánto efectivo entregó el cliente.</source>
        <translation>Escriba cuánto efectivo entregó el cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="871"/>
        <source>Un cheque no da vuelto: su monto no puede pasar de lo que falta cubrir ({rest}).</source>
        <translation>Un cheque no da vuelto: su monto no puede pasar de lo que falta cubrir ({rest}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="873"/>
        <source>Con tarjeta no se da vuelto: el monto no puede pasar de lo que falta cubrir ({rest}).</source>
        <translation>Con tarjeta no se da vuelto: el monto no puede pasar de lo que falta cubrir ({rest}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="916"/>
        <location filename="../../ui/counter.py" line="1002"/>
        <source>Falta cubrir</source>
        <translation>Falta cubrir</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="917"/>
        <source>{n} medio(s) de pago agregado(s). F2, F3 o F4 agrega otro.</source>
        <translation>{n} medio(s) de pago agregado(s). F2, F3 o F4 agrega otro.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="921"/>
        <source>Cubierto: Enter cobra.</source>
        <translation>Cubierto: Enter cobra.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="923"/>
        <source>Sobra</source>
        <translation>Sobra</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="924"/>
        <source>Los medios de pago pasan del monto a pagar: quite uno con Supr.</source>
        <translation>Los medios de pago pasan del monto a pagar: quite uno con Supr.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="997"/>
        <location filename="../../ui/counter.py" line="1013"/>
        <source>Escriba cuánto entregó el cliente.</source>
        <translation>Escriba cuánto entregó el cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1003"/>
        <source>Lo que falte se cubre con otro medio de pago (F3, F4).</source>
        <translation>Lo que falte se cubre con otro medio de pago (F3, F4).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1069"/>
        <source>Falta cubrir {amount}: agregue otro medio de pago (F2, F3 o F4).</source>
        <translation>Falta cubrir {amount}: agregue otro medio de pago (F2, F3 o F4).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1071"/>
        <source>Los medios de pago pasan del monto a pagar por {amount}: quite uno con Supr.</source>
        <translation>Los medios de pago pasan del monto a pagar por {amount}: quite uno con Supr.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1169"/>
        <source>{message} Un supervisor puede autorizarlo al cobrar.</source>
        <translation>{message} Un supervisor puede autorizarlo al cobrar.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1171"/>
        <source>Medio {n}: {message}</source>
        <translation>Medio {n}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1233"/>
        <source>Elija al menos una factura (F7 y Espacio).</source>
        <translation>Elija al menos una factura (F7 y Espacio).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1272"/>
        <source>• {message}</source>
        <translation>• {message}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1281"/>
        <source>Autorización de un supervisor</source>
        <translation>Autorización de un supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1282"/>
        <source>Para cobrar este pago hace falta un supervisor:
{reasons}</source>
        <translation>Para cobrar este pago hace falta un supervisor:
{reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1290"/>
        <source>No se cobró: falta la autorización del supervisor. Corrija el pago o pulse Enter otra vez.</source>
        <translation>No se cobró: falta la autorización del supervisor. Corrija el pago o pulse Enter otra vez.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1300"/>
        <source>Registrando el pago…</source>
        <translation>Registrando el pago…</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1302"/>
        <source>Corrija lo marcado y pulse Enter para cobrar · Esc cancela</source>
        <translation>Corrija lo marcado y pulse Enter para cobrar · Esc cancela</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1312"/>
        <source>Entregue vuelto</source>
        <translation>Entregue vuelto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1314"/>
        <source>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</source>
        <translation>Recibo N° {no} · {name} · pagó {amount} · recibido {received}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1323"/>
        <source>Cobrado, sin vuelto</source>
        <translation>Cobrado, sin vuelto</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1325"/>
        <source>Recibo N° {no} · {name} · pagado sin efectivo</source>
        <translation>Recibo N° {no} · {name} · pagado sin efectivo</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1401"/>
        <source>El vuelto aparece aquí al cobrar en efectivo (F2).</source>
        <translation>El vuelto aparece aquí al cobrar en efectivo (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1413"/>
        <source>Todavía no hay un recibo para reimprimir en este turno.</source>
        <translation>Todavía no hay un recibo para reimprimir en este turno.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1428"/>
        <location filename="../../ui/counter.py" line="1472"/>
        <source>Reimprimiendo el recibo N° {no} (COPIA).</source>
        <translation>Reimprimiendo el recibo N° {no} (COPIA).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1439"/>
        <source>La anulación del recibo N° {no} quedó registrada, pero: {problem} Reimprima con Shift+F9.</source>
        <translation>La anulación del recibo N° {no} quedó registrada, pero: {problem} Reimprima con Shift+F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1447"/>
        <source>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</source>
        <translation>El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1453"/>
        <source>Copia del recibo N° {no} impresa.</source>
        <translation>Copia del recibo N° {no} impresa.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1482"/>
        <source>El recibo N° {no} ya está anulado.</source>
        <translation>El recibo N° {no} ya está anulado.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1495"/>
        <source>Anular el recibo N° {no}</source>
        <translation>Anular el recibo N° {no}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1496"/>
        <source>{name} · cuenta {account} · {amount}. Se devuelve el dinero al cliente y se imprime el comprobante de anulación.</source>
        <translation>{name} · cuenta {account} · {amount}. Se devuelve el dinero al cliente y se imprime el comprobante de anulación.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1510"/>
        <source>Recibo N° {no} anulado. Devuelva {amount} al cliente; se imprime el comprobante de anulación.</source>
        <translation>Recibo N° {no} anulado. Devuelva {amount} al cliente; se imprime el comprobante de anulación.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1514"/>
        <source>Devuelva al cliente</source>
        <translation>Devuelva al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1516"/>
        <source>Anulación del recibo N° {no} · {name}</source>
        <translation>Anulación del recibo N° {no} · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1544"/>
        <source>El efectivo de la gaveta pasó el límite de {limit}: haga un retiro a caja fuerte (F10 y 1).</source>
        <translation>El efectivo de la gaveta pasó el límite de {limit}: haga un retiro a caja fuerte (F10 y 1).</translation>
    </message>
</context>
<context>
    <name>DenominationCount</name>
    <message>
        <location filename="../../ui/denominations.py" line="39"/>
        <source>Billetes</source>
        <translation>Billetes</translation>
    </message>
    <message>
        <location filename="../../ui/denominations.py" line="39"/>
        <source>Monedas</source>
        <translation>Monedas</translation>
    </message>
    <message>
        <location filename="../../ui/denominations.py" line="46"/>
        <source>Cantidad</source>
        <translation>Cantidad</translation>
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
    <name>HeldReceiptsModel</name>
    <message>
        <location filename="../../ui/models.py" line="482"/>
        <source>Recibo</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="483"/>
        <source>Desde</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="484"/>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="485"/>
        <source>Por qué no salió</source>
        <translation>Por qué no salió</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="486"/>
        <source>Intentos</source>
        <translation>Intentos</translation>
    </message>
</context>
<context>
    <name>HeldReceiptsScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="580"/>
        <source>Recibos que no se imprimieron</source>
        <translation>Recibos que no se imprimieron</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="581"/>
        <source>Los pagos están registrados; falta el papel. Arregle la impresora y reintente.</source>
        <translation>Los pagos están registrados; falta el papel. Arregle la impresora y reintente.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="588"/>
        <source>Reintentar (Enter)</source>
        <translation>Reintentar (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="589"/>
        <source>Reintentar todos (F5)</source>
        <translation>Reintentar todos (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="590"/>
        <source>Volver (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="629"/>
        <source>Esta impresora no guarda los recibos que no salieron; reimprima con F9 o por número.</source>
        <translation>Esta impresora no guarda los recibos que no salieron; reimprima con F9 o por número.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="639"/>
        <source>No hay recibos pendientes de imprimir.</source>
        <translation>No hay recibos pendientes de imprimir.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="668"/>
        <source>Reintentando {n} recibo(s)…</source>
        <translation>Reintentando {n} recibo(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="675"/>
        <source>El recibo N° {no} sigue sin imprimirse: {problem}</source>
        <translation>El recibo N° {no} sigue sin imprimirse: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="678"/>
        <source>Recibo N° {no} impreso.</source>
        <translation>Recibo N° {no} impreso.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.py" line="27"/>
        <source>Ventanilla — caja de recaudo</source>
        <translation>Ventanilla — caja de recaudo</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="28"/>
        <source>{outlet} · {terminal}</source>
        <translation>{outlet} · {terminal}</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>Entrar (Enter)</source>
        <translation>Entrar (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40"/>
        <source>Escriba su usuario, Enter, su PIN y Enter.</source>
        <translation>Escriba su usuario, Enter, su PIN y Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="43"/>
        <source>Usuario</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="44"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103"/>
        <source>Escriba su usuario.</source>
        <translation>Escriba su usuario.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="107"/>
        <source>Escriba su PIN.</source>
        <translation>Escriba su PIN.</translation>
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
        <translation>{name} (administrador) · Ctrl+, abre los ajustes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>El efectivo de la gaveta pasó el límite: haga un retiro (1).</source>
        <translation>El efectivo de la gaveta pasó el límite: haga un retiro (1).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Retiro a caja fuerte (sangría)</source>
        <translation>Retiro a caja fuerte (sangría)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Cuente el efectivo que sale de la gaveta y escriba el monto. El supervisor lo recibe y autoriza.</source>
        <translation>Cuente el efectivo que sale de la gaveta y escriba el monto. El supervisor lo recibe y autoriza.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Ingreso de fondo a la gaveta</source>
        <translation>Ingreso de fondo a la gaveta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Escriba el efectivo que entra a la gaveta. El supervisor que lo entrega autoriza.</source>
        <translation>Escriba el efectivo que entra a la gaveta. El supervisor que lo entrega autoriza.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Monto</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Retiro de {amount} registrado; autorizó {name}. Se imprime el comprobante.</source>
        <translation>Retiro de {amount} registrado; autorizó {name}. Se imprime el comprobante.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Ingreso de fondo de {amount} registrado; autorizó {name}. Se imprime el comprobante.</source>
        <translation>Ingreso de fondo de {amount} registrado; autorizó {name}. Se imprime el comprobante.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>El movimiento quedó registrado, pero el comprobante no se imprimió: {problem}</source>
        <translation>El movimiento quedó registrado, pero el comprobante no se imprimió: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>7   Ajustes de la caja (administrador)</source>
        <translation>7   Ajustes de la caja (administrador)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Entre con un usuario administrador para cambiar los ajustes.</source>
        <translation>Entre con un usuario administrador para cambiar los ajustes.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Solo un administrador puede cambiar los ajustes de la caja.</source>
        <translation>Solo un administrador puede cambiar los ajustes de la caja.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Esta ventana no puede cambiar los ajustes (no sabe dónde está settings.toml).</source>
        <translation>Esta ventana no puede cambiar los ajustes (no sabe dónde está settings.toml).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>No se puede abrir la oficina central: falta la dirección de la central (central_url, en Ajustes) y la clave de la oficina (VENTANILLA_ADMIN_TOKEN al abrir Ventanilla).</source>
        <translation>No se puede abrir la oficina central: falta la dirección de la central (central_url, en Ajustes) y la clave de la oficina (VENTANILLA_ADMIN_TOKEN al abrir Ventanilla).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>No se puede abrir la oficina central: falta la dirección de la central (central_url); un administrador la escribe en Ajustes.</source>
        <translation>No se puede abrir la oficina central: falta la dirección de la central (central_url); un administrador la escribe en Ajustes.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>No se puede abrir la oficina central: falta su clave. Abra Ventanilla con la variable de entorno VENTANILLA_ADMIN_TOKEN.</source>
        <translation>No se puede abrir la oficina central: falta su clave. Abra Ventanilla con la variable de entorno VENTANILLA_ADMIN_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>La oficina central se abrió en otra ventana para {name}.</source>
        <translation>La oficina central se abrió en otra ventana para {name}.</translation>
    </message>
</context>
<context>
    <name>OpenShiftScreen</name>
    <message>
        <location filename="../../ui/login.py" line="140"/>
        <source>Abrir turno: fondo de caja</source>
        <translation>Abrir turno: fondo de caja</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="143"/>
        <source>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</source>
        <translation>Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="154"/>
        <source>Abrir turno (Enter)</source>
        <translation>Abrir turno (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="165"/>
        <source>Total del fondo</source>
        <translation>Total del fondo</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="181"/>
        <source>Cajero: {name}</source>
        <translation>Cajero: {name}</translation>
    </message>
</context>
<context>
    <name>PayerIdForm</name>
    <message>
        <location filename="../../ui/tender_forms.py" line="247"/>
        <source>Documento del pagador (obligatorio por el monto en efectivo)</source>
        <translation>Documento del pagador (obligatorio por el monto en efectivo)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="253"/>
        <source>Número del documento</source>
        <translation>Número del documento</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="273"/>
        <source>Cédula</source>
        <translation>Cédula</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="273"/>
        <source>Pasaporte</source>
        <translation>Pasaporte</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="273"/>
        <source>RNC</source>
        <translation>RNC</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="276"/>
        <source>Tipo de documento</source>
        <translation>Tipo de documento</translation>
    </message>
</context>
<context>
    <name>ReceiptQueue</name>
    <message>
        <location filename="../../ui/receipt_queue.py" line="63"/>
        <source>El recibo N° {no} no es de este turno: solo se reimprimen los recibos del turno abierto.</source>
        <translation>El recibo N° {no} no es de este turno: solo se reimprimen los recibos del turno abierto.</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="119"/>
        <source>No se pudo abrir el cajón: ábralo con la llave.</source>
        <translation>No se pudo abrir el cajón: ábralo con la llave.</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="149"/>
        <source>Imprimiendo…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_queue.py" line="154"/>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
</context>
<context>
    <name>ReportLinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="325"/>
        <source>Fondo de caja inicial</source>
        <translation>Fondo de caja inicial</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="326"/>
        <source>Cobrado en efectivo</source>
        <translation>Cobrado en efectivo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="327"/>
        <source>Cobrado con cheque</source>
        <translation>Cobrado con cheque</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="328"/>
        <source>Cobrado con tarjeta</source>
        <translation>Cobrado con tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="329"/>
        <source>Anulaciones</source>
        <translation>Anulaciones</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="330"/>
        <source>Ingresos de fondo</source>
        <translation>Ingresos de fondo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="331"/>
        <source>Retiros a caja fuerte</source>
        <translation>Retiros a caja fuerte</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="332"/>
        <source>Esperado en caja</source>
        <translation>Esperado en caja</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="349"/>
        <source>Concepto</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="349"/>
        <source>Cantidad</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="349"/>
        <source>Monto</source>
        <translation>Monto</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="190"/>
        <source>Informe X: lectura parcial del turno</source>
        <translation>Informe X: lectura parcial del turno</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="197"/>
        <source>Enter imprime · F3 guarda el PDF · Esc vuelve al mostrador. El informe X no cierra nada.</source>
        <translation>Enter imprime · F3 guarda el PDF · Esc vuelve al mostrador. El informe X no cierra nada.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="219"/>
        <source>Cajero: {name} · turno abierto {when}</source>
        <translation>Cajero: {name} · turno abierto {when}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="242"/>
        <source>Imprimiendo el informe X…</source>
        <translation>Imprimiendo el informe X…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="248"/>
        <source>Guardando el PDF…</source>
        <translation>Guardando el PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="252"/>
        <source>Informe guardado en {path}</source>
        <translation>Informe guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="259"/>
        <source>El informe X no se imprimió: {problem}</source>
        <translation>El informe X no se imprimió: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="261"/>
        <source>Informe X impreso.</source>
        <translation>Informe X impreso.</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../ui/shift_screens.py" line="692"/>
        <location filename="../../ui/shift_screens.py" line="694"/>
        <source>Reimprimir un recibo</source>
        <translation>Reimprimir un recibo</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="699"/>
        <source>Escriba el número del recibo y Enter. Esc cancela.</source>
        <translation>Escriba el número del recibo y Enter. Esc cancela.</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="701"/>
        <source>Recibo N°</source>
        <translation>Recibo N°</translation>
    </message>
    <message>
        <location filename="../../ui/shift_screens.py" line="723"/>
        <source>Escriba el número del recibo.</source>
        <translation>Escriba el número del recibo.</translation>
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
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/settings_screen.py" line="144"/>
        <source>Ajustes de la caja</source>
        <translation>Ajustes de la caja</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="146"/>
        <source>Enter: campo siguiente · Ctrl+S guarda · F5 prueba la impresora · F6 da de alta la caja · Esc vuelve</source>
        <translation>Enter: campo siguiente · Ctrl+S guarda · F5 prueba la impresora · F6 da de alta la caja · Esc vuelve</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="148"/>
        <source>Lo que se guarda aquí se aplica al reiniciar Ventanilla.</source>
        <translation>Lo que se guarda aquí se aplica al reiniciar Ventanilla.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="161"/>
        <source>Estafeta y caja</source>
        <translation>Estafeta y caja</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="162"/>
        <source>Estafeta</source>
        <translation>Estafeta</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="163"/>
        <source>Código del agente</source>
        <translation>Código del agente</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="164"/>
        <source>Nombre del agente</source>
        <translation>Nombre del agente</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="165"/>
        <location filename="../../ui/settings_screen.py" line="203"/>
        <source>Dirección</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="166"/>
        <source>Nombre de la caja</source>
        <translation>Nombre de la caja</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="167"/>
        <source>Pie del recibo</source>
        <translation>Pie del recibo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="168"/>
        <source>Moneda, región e idioma</source>
        <translation>Moneda, región e idioma</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="169"/>
        <source>Moneda</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="170"/>
        <source>Formato regional</source>
        <translation>Formato regional</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="171"/>
        <source>Zona horaria</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="172"/>
        <source>Idioma</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="172"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="172"/>
        <source>English (inglés)</source>
        <translation>English (inglés)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="173"/>
        <source>El idioma cambia al reiniciar Ventanilla.</source>
        <translation>El idioma cambia al reiniciar Ventanilla.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="181"/>
        <source>Impresora y visor</source>
        <translation>Impresora y visor</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="182"/>
        <source>Impresora</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="184"/>
        <source>Probar (F5)</source>
        <translation>Probar (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="185"/>
        <source>Imprime la página de prueba en la impresora y el papel de arriba</source>
        <translation>Imprime la página de prueba en la impresora y el papel de arriba</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="188"/>
        <source>Papel</source>
        <translation>Papel</translation>
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
        <translation>Visor del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="193"/>
        <source>vacío: sin visor; serial:///dev/ttyUSB1</source>
        <translation>vacío: sin visor; serial:///dev/ttyUSB1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="194"/>
        <source>Cobro</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="195"/>
        <source>Política</source>
        <translation>Política</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="196"/>
        <source>vacío: la política por defecto</source>
        <translation>vacío: la política por defecto</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="199"/>
        <source>Hora de corte</source>
        <translation>Hora de corte</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="199"/>
        <source>HH:MM, p. ej. 18:00</source>
        <translation>HH:MM, p. ej. 18:00</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="200"/>
        <source>Redondeo</source>
        <translation>Redondeo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="201"/>
        <source>vacío: sin redondeo</source>
        <translation>vacío: sin redondeo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="202"/>
        <source>Central</source>
        <translation>Central</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="207"/>
        <source>Dar de alta (F6)</source>
        <translation>Dar de alta (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="210"/>
        <source>Código de alta</source>
        <translation>Código de alta</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="227"/>
        <source>Guardar (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="230"/>
        <source>Volver (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="337"/>
        <source>{locale}  ({sample})</source>
        <translation>{locale}  ({sample})</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="387"/>
        <source>El archivo de ajustes no se puede leer ({problem}). Se muestran los valores por defecto; al guardar se reemplaza.</source>
        <translation>El archivo de ajustes no se puede leer ({problem}). Se muestran los valores por defecto; al guardar se reemplaza.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="473"/>
        <source>Espere a que termine la operación en curso.</source>
        <translation>Espere a que termine la operación en curso.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="477"/>
        <source>Hay cambios sin guardar: Ctrl+S los guarda; Esc otra vez sale sin guardarlos.</source>
        <translation>Hay cambios sin guardar: Ctrl+S los guarda; Esc otra vez sale sin guardarlos.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="502"/>
        <source>Ajustes guardados (1 cambio). Se aplican al reiniciar Ventanilla.</source>
        <translation>Ajustes guardados (1 cambio). Se aplican al reiniciar Ventanilla.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="504"/>
        <source>Ajustes guardados ({n} cambios). Se aplican al reiniciar Ventanilla.</source>
        <translation>Ajustes guardados ({n} cambios). Se aplican al reiniciar Ventanilla.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="506"/>
        <source>No había cambios que guardar.</source>
        <translation>No había cambios que guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="517"/>
        <source>No se guardó nada: corrija lo marcado en rojo.</source>
        <translation>No se guardó nada: corrija lo marcado en rojo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="525"/>
        <source>No se guardó nada: {reason}</source>
        <translation>No se guardó nada: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="543"/>
        <source>Política «{name}», versión {version}.</source>
        <translation>Política «{name}», versión {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="545"/>
        <source>Sin archivo: «{name}», versión {version}.</source>
        <translation>Sin archivo: «{name}», versión {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="565"/>
        <source>Escriba la dirección de la impresora, p. ej. tcp://192.168.1.50:9100.</source>
        <translation>Escriba la dirección de la impresora, p. ej. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="573"/>
        <source>Imprimiendo la página de prueba…</source>
        <translation>Imprimiendo la página de prueba…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="582"/>
        <source>Página de prueba impresa (papel {profile}).</source>
        <translation>Página de prueba impresa (papel {profile}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="598"/>
        <source>Esta caja es {terminal}, dada de alta en {url}.</source>
        <translation>Esta caja es {terminal}, dada de alta en {url}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="600"/>
        <source>Esta caja ({terminal}) no tiene alta y ya registró operaciones: no se puede dar de alta con estos datos.</source>
        <translation>Esta caja ({terminal}) no tiene alta y ya registró operaciones: no se puede dar de alta con estos datos.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="603"/>
        <source>Sin alta en una central (caja {terminal}).</source>
        <translation>Sin alta en una central (caja {terminal}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="618"/>
        <source>Pidiendo el alta a la central…</source>
        <translation>Pidiendo el alta a la central…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="628"/>
        <source>Caja dada de alta: {terminal} (agente {agent}). Guarde (Ctrl+S) para conservar la dirección; el envío empieza al reiniciar Ventanilla.</source>
        <translation>Caja dada de alta: {terminal} (agente {agent}). Guarde (Ctrl+S) para conservar la dirección; el envío empieza al reiniciar Ventanilla.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="631"/>
        <source>Caja dada de alta: {terminal} (agente {agent}). El envío a la central empieza al reiniciar Ventanilla.</source>
        <translation>Caja dada de alta: {terminal} (agente {agent}). El envío a la central empieza al reiniciar Ventanilla.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_screen.py" line="644"/>
        <source>No hubo respuesta de la central: revise la dirección y la conexión, y vuelva a intentar.</source>
        <translation>No hubo respuesta de la central: revise la dirección y la conexión, y vuelva a intentar.</translation>
    </message>
</context>
<context>
    <name>ShiftPaymentsModel</name>
    <message>
        <location filename="../../ui/models.py" line="249"/>
        <source>Recibo</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="250"/>
        <source>Hora</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="251"/>
        <source>Cuenta</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="252"/>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="253"/>
        <source>Pagado</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="254"/>
        <source>Vuelto</source>
        <translation>Vuelto</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="270"/>
        <source>ANULADO · {name}</source>
        <translation>ANULADO · {name}</translation>
    </message>
</context>
<context>
    <name>SplitTendersModel</name>
    <message>
        <location filename="../../ui/models.py" line="550"/>
        <source>Medio</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="550"/>
        <source>Detalle</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="551"/>
        <source>Monto</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="554"/>
        <source>Efectivo</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="554"/>
        <source>Cheque</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="554"/>
        <source>Tarjeta</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="558"/>
        <source>recibido {received} · vuelto {change}</source>
        <translation>recibido {received} · vuelto {change}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="561"/>
        <source>{bank} · n.º {number} · {drawer}</source>
        <translation>{bank} · n.º {number} · {drawer}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="563"/>
        <source>{brand} ···· {last4} · aut. {auth}</source>
        <translation>{brand} ···· {last4} · aut. {auth}</translation>
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
    <name>TenderForm</name>
    <message>
        <location filename="../../ui/tender_forms.py" line="40"/>
        <source>No escriba números de tarjeta completos: anote solo los últimos 4 dígitos. No se guardó lo escrito.</source>
        <extracomment>the order the cursor follows (Enter moves to the next one) where a violation&apos;s field names a tender: ``tenders[2].bank_code``</extracomment>
        <translation>No escriba números de tarjeta completos: anote solo los últimos 4 dígitos. No se guardó lo escrito.</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="119"/>
        <source>Monto</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="120"/>
        <source>Banco</source>
        <translation>Banco</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="121"/>
        <source>N.º de cheque</source>
        <translation>N.º de cheque</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="122"/>
        <source>Cuenta del cheque</source>
        <translation>Cuenta del cheque</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="123"/>
        <source>Fecha del cheque</source>
        <translation>Fecha del cheque</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="124"/>
        <source>Girador (nombre)</source>
        <translation>Girador (nombre)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="125"/>
        <source>Cédula o RNC del girador</source>
        <translation>Cédula o RNC del girador</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="126"/>
        <source>Marca</source>
        <translation>Marca</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="127"/>
        <source>Últimos 4 dígitos</source>
        <translation>Últimos 4 dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="128"/>
        <source>Autorización (6)</source>
        <translation>Autorización (6)</translation>
    </message>
    <message>
        <location filename="../../ui/tender_forms.py" line="129"/>
        <source>Ref. del terminal (opcional)</source>
        <translation>Ref. del terminal (opcional)</translation>
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
    <message>
        <location filename="../../ui/models.py" line="299"/>
        <source>Efectivo</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="300"/>
        <source>Cheques</source>
        <translation>Cheques</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="301"/>
        <source>Tarjeta</source>
        <translation>Tarjeta</translation>
    </message>
</context>
</TS>
