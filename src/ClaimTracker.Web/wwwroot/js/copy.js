// Copy buttons: a button with data-copy="<id>" copies the value of that field. Without JavaScript the buttons stay hidden and
// the read-only field is there to select and copy by hand.
(function () {
    'use strict';
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
        var field = document.getElementById(button.getAttribute('data-copy'));
        if (!field || !navigator.clipboard) {
            return;
        }
        var label = button.textContent;
        button.hidden = false;
        button.addEventListener('click', function () {
            navigator.clipboard.writeText(field.value).then(function () {
                button.textContent = button.getAttribute('data-copied') || 'Copied';
                setTimeout(function () { button.textContent = label; }, 2000);
            }, function () {
                field.select();
            });
        });
    });
})();
