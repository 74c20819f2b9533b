// Type-ahead for staff fields: <input data-suggest="actors|claims" [data-suggest-list]> gets a <datalist> filled from
// /editor/lookup/{kind}?q=… as the editor types. A list field (names separated by semicolons) suggests for the name being
// typed and keeps the ones before it. Without JavaScript the fields take names and slugs as typed.
(function () {
    'use strict';
    var counter = 0;
    document.querySelectorAll('input[data-suggest]').forEach(function (input) {
        var kind = input.getAttribute('data-suggest');
        var isList = input.hasAttribute('data-suggest-list');
        var list = document.createElement('datalist');
        list.id = 'suggest-' + kind + '-' + (++counter);
        input.insertAdjacentElement('afterend', list);
        input.setAttribute('list', list.id);
        input.setAttribute('autocomplete', 'off');
        var timer = null;
        var asked = '';
        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var value = input.value;
                var cut = isList ? value.lastIndexOf(';') + 1 : 0;
                var before = value.slice(0, cut);
                var typed = value.slice(cut).trim();
                if (typed.length < 2 || typed === asked) {
                    return;
                }
                asked = typed;
                fetch('/editor/lookup/' + kind + '?q=' + encodeURIComponent(typed), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                    .then(function (response) { return response.ok ? response.json() : []; })
                    .then(function (suggestions) {
                        list.textContent = '';
                        suggestions.forEach(function (suggestion) {
                            var option = document.createElement('option');
                            option.value = (before ? before.replace(/\s*$/, ' ') : '') + suggestion.value;
                            option.label = suggestion.label;
                            list.appendChild(option);
                        });
                    }, function () { list.textContent = ''; });
            }, 150);
        });
    });
})();
