/* The chat widget's own words, one table per language (docs/spanish.md). chat.js shows the ones
 * of the conversation's language and sets the page's `lang`, so screen readers pronounce them
 * right. Adding a language: a table with the same keys here, and the language in
 * bot/understanding/lexicon.py (tests/unit/test_widget_strings.py checks the keys match). */
(function () {
  "use strict";
  window.MFG_CHAT_STRINGS = {
    en: {
      languageName: "English",
      brand: "Manufacturing Careers",
      pageTitle: "Manufacturing Careers assistant",
      close: "Close chat",
      conversation: "Conversation",
      typing: "The assistant is typing",
      label: "Type your question",
      placeholder: "Ask about a manufacturing job…",
      send: "Send",
      note: "Answers come from sourced career data (BLS, O*NET). Please don't share personal information.",
      languages: "Language",
      youSaid: "You said: ",
      assistant: "Assistant: ",
      suggested: "Suggested questions",
      lost: "Connection lost. Trying to reconnect…",
      unreachable: "Can't reach the assistant right now. Trying again…",
      queued: "Can't reach the assistant right now. Your message will be answered when the connection is back.",
      noAnswer: "No answer yet. Please try again in a moment.",
      greeting: "Hi! Ask me about manufacturing careers: what jobs like welder or robotics technician " +
        "involve, pay, training and more.",
      // Three ways in, on the first message (the same as the assistant's own greeting, domain.yml).
      starters: [
        { title: "Jobs without college", payload: "jobs without a college degree" },
        { title: "Find jobs that fit me", payload: "/start_career_finder" },
        { title: "How do I get started?", payload: "/ask_training" }
      ],
      // What the switch sends, so the assistant answers in this language from now on
      // (bot/understanding/language.py, SWITCH_PAYLOADS).
      switchPayload: '/switch_language{"language":"en"}'
    },
    es: {
      languageName: "Español",
      brand: "Carreras en manufactura",
      pageTitle: "Asistente de carreras en manufactura",
      close: "Cerrar el chat",
      conversation: "Conversación",
      typing: "El asistente está escribiendo",
      label: "Escribe tu pregunta",
      placeholder: "Pregunta sobre un trabajo en manufactura…",
      send: "Enviar",
      note: "Las respuestas vienen de datos de carreras con fuente (BLS, O*NET). Por favor, no compartas datos personales.",
      languages: "Idioma",
      youSaid: "Escribiste: ",
      assistant: "Asistente: ",
      suggested: "Preguntas sugeridas",
      lost: "Se perdió la conexión. Intentando reconectar…",
      unreachable: "No se puede conectar con el asistente ahora. Intentando de nuevo…",
      queued: "No se puede conectar con el asistente ahora. Tu mensaje se contestará cuando vuelva la conexión.",
      noAnswer: "Todavía no hay respuesta. Intenta de nuevo en un momento.",
      greeting: "¡Hola! Pregúntame sobre carreras en manufactura: qué hacen trabajos como soldador o " +
        "técnico en robótica, cuánto pagan, qué estudiar y más.",
      starters: [
        { title: "Trabajos sin universidad", payload: "trabajos sin título universitario" },
        { title: "Trabajos que van conmigo", payload: "/start_career_finder" },
        { title: "¿Cómo empiezo?", payload: "/ask_training" }
      ],
      switchPayload: '/switch_language{"language":"es"}'
    }
  };
})();
