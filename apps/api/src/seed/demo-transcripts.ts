import type { CallPurposeValue, TranscriptTurnValue } from '../call/entities/call.entity.js';
import type { SeededRandom } from './random.js';

type Script = Array<['AGENT' | 'CUSTOMER', string]>;

/** Short, believable Spanish calls, by purpose; names and products vary per call. */
const SCRIPTS: Partial<Record<CallPurposeValue, Script[]>> = {
  SUPPORT: [
    [
      ['AGENT', 'Buenos días, le atiende {agent} de Conecta Fibra. ¿En qué puedo ayudarle?'],
      ['CUSTOMER', 'Hola, desde ayer no tengo internet en casa y trabajo desde aquí.'],
      ['AGENT', 'Lo siento mucho. ¿Me confirma el titular de la línea para revisar su conexión?'],
      ['CUSTOMER', 'Sí, está a mi nombre, el cliente es el {ref}.'],
      ['AGENT', 'Veo una incidencia en su zona. Voy a reiniciar su router en remoto; ¿las luces se ponen en verde?'],
      ['CUSTOMER', 'Ahora sí, ya parpadea en verde. ¡Funciona!'],
      ['AGENT', 'Perfecto. Le dejo además abierta una revisión para mañana y le envío un SMS con el número de incidencia.'],
    ],
    [
      ['AGENT', 'Conecta Fibra, buenas tardes, soy {agent}.'],
      ['CUSTOMER', 'Me cobran el decodificador de televisión y yo lo devolví hace dos meses.'],
      ['AGENT', 'Entiendo. Un momento, que lo compruebo… Sí, consta la devolución del día 3.'],
      ['CUSTOMER', '¿Y por qué me lo siguen cobrando?'],
      ['AGENT', 'Fue un error nuestro. Le abono los dos meses en la próxima factura y le confirmo por correo.'],
    ],
  ],
  COMPLAINT: [
    [
      ['AGENT', 'Buenos días, departamento de reclamaciones, le atiende {agent}.'],
      ['CUSTOMER', 'Es la tercera vez que llamo. Nadie me soluciona la avería y quiero hablar con un responsable.'],
      [
        'AGENT',
        'Tiene toda la razón en estar molesto. Le paso con mi supervisora y le explico yo el caso para que no tenga que repetirlo.',
      ],
      ['CUSTOMER', 'Eso espero, porque estoy harto.'],
      ['AGENT', 'Además le recuerdo que tiene derecho a presentar una reclamación formal; le dejo el número de registro.'],
    ],
    [
      ['AGENT', '{agent} al habla, ¿en qué le puedo ayudar?'],
      ['CUSTOMER', 'Me han subido la cuota sin avisar.'],
      ['AGENT', 'Es la tarifa nueva, está en el contrato.'],
      ['CUSTOMER', 'Yo no he firmado nada nuevo. Quiero darme de baja.'],
      [
        'AGENT',
        'Le explico: la subida se comunicó por carta en marzo, pero puede cancelar sin penalización en 30 días. ¿Quiere que revisemos otra tarifa antes?',
      ],
    ],
  ],
  POST_SALE: [
    [
      ['AGENT', 'Hola, soy {agent} de Conecta Fibra. Le llamo por la instalación de la semana pasada, ¿tiene un minuto?'],
      ['CUSTOMER', 'Sí, dígame.'],
      ['AGENT', '¿Todo funciona bien? ¿El técnico le explicó cómo configurar el wifi de invitados?'],
      ['CUSTOMER', 'Funciona, pero lo del wifi de invitados no lo sé hacer.'],
      ['AGENT', 'Se lo explico ahora paso a paso, y le envío una guía por correo.'],
    ],
  ],
  SALES: [
    [
      ['AGENT', 'Buenas tardes, le atiende {agent}. ¿Le interesa ampliar su fibra a 1 Gb?'],
      ['CUSTOMER', 'Depende del precio, ahora pago bastante.'],
      ['AGENT', 'Por su uso, con teletrabajo y dos consolas, le compensa: son 5 euros más y el primer mes gratis.'],
      ['CUSTOMER', 'Vale, pero sin permanencia.'],
      ['AGENT', 'Sin permanencia. Le envío las condiciones por escrito antes de activar nada.'],
    ],
  ],
  RETENTION: [
    [
      ['AGENT', 'Buenos días, le atiende {agent}. Veo que ha pedido la portabilidad a otra compañía.'],
      ['CUSTOMER', 'Sí, me ofrecen lo mismo por menos.'],
      ['AGENT', 'Lo entiendo. Puedo igualar el precio y quitarle la cuota del router; ¿le parece que lo revisemos juntos?'],
      ['CUSTOMER', 'Si me lo iguala, me quedo.'],
    ],
  ],
  COLLECTIONS_EARLY: [
    [
      ['AGENT', 'Buenos días, soy {agent}, de Financiera Horizonte. Le llamo por el recibo de este mes; ¿hablo con el titular?'],
      ['CUSTOMER', 'Sí, soy yo. Se me pasó, lo siento.'],
      ['AGENT', 'No se preocupe. ¿Le viene bien pagarlo el viernes? Le dejo anotado el compromiso y le envío el enlace de pago.'],
      ['CUSTOMER', 'El viernes perfecto.'],
    ],
  ],
  COLLECTIONS_MID: [
    [
      ['AGENT', 'Buenas tardes, le llama {agent} de Financiera Horizonte, por la deuda de dos cuotas pendientes.'],
      ['CUSTOMER', 'Ahora mismo no puedo pagar, me he quedado sin trabajo.'],
      ['AGENT', 'Lamento oírlo. Podemos fraccionar el importe en seis meses sin intereses de demora. ¿Le ayudaría?'],
      ['CUSTOMER', 'Sí, eso sí podría.'],
      ['AGENT', 'Se lo dejo preparado y le llega el acuerdo por escrito para que lo revise con calma.'],
    ],
  ],
  COLLECTIONS_LATE: [
    [
      ['AGENT', 'Le llamo de Financiera Horizonte. Su deuda pasará a la fase judicial si no paga hoy.'],
      ['CUSTOMER', '¿Me está amenazando? Quiero hablar con su jefe.'],
      ['AGENT', 'Mi jefe no está. Si quiere, vuelva a llamar.'],
      ['CUSTOMER', 'Pues presentaré una queja.'],
    ],
  ],
  FEEDBACK: [
    [
      ['AGENT', 'Hola, soy {agent}. Le llamo para conocer su opinión sobre la atención que recibió ayer.'],
      ['CUSTOMER', 'Bien, me lo resolvieron rápido.'],
      ['AGENT', 'Me alegro. ¿Hay algo que podamos mejorar?'],
    ],
  ],
};

/** A transcript for a call, with offsets growing through the call's duration. */
export function demoTranscript(
  random: SeededRandom,
  purpose: CallPurposeValue,
  agentFirstName: string,
  durationSeconds: number,
): TranscriptTurnValue[] {
  const script = random.pick(SCRIPTS[purpose] ?? SCRIPTS.SUPPORT!);
  const ref = `C-${random.int(10000, 99999)}`;
  const step = Math.max(5, Math.floor(durationSeconds / (script.length + 1)));
  return script.map(([speaker, text], i) => ({
    speaker,
    text: text.replace('{agent}', agentFirstName).replace('{ref}', ref),
    offsetSeconds: i === 0 ? 2 : i * step + random.int(0, Math.floor(step / 3)),
  }));
}
