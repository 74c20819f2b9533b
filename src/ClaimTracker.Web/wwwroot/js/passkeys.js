// Passkeys (WebAuthn) for the forms marked data-passkey="create" (add one) or "get" (use one). Browsers offer passkeys to
// scripts only: this asks the server for the ceremony's options (posting the form, with its antiforgery token), lets the
// browser create or use the passkey, puts the browser's answer into the form's CredentialJson field and submits the form.
// Without this script the forms still post, and the server answers that passkeys need JavaScript.
(function () {
    'use strict';

    function say(form, text) {
        var status = form.querySelector('.passkey-status');
        if (status) {
            status.textContent = text;
        }
    }

    function explain(error) {
        if (error && error.name === 'NotAllowedError') {
            return 'No passkey was used (cancelled, or the time ran out). Try again when you are ready.';
        }
        if (error && error.name === 'InvalidStateError') {
            return 'This device already holds a passkey for your account.';
        }
        return 'The passkey did not work: ' + (error && error.message ? error.message : 'unknown error') + '.';
    }

    document.querySelectorAll('form[data-passkey]').forEach(function (form) {
        form.addEventListener('submit', async function (event) {
            if (form.dataset.passkeyDone === '1') {
                return;
            }
            event.preventDefault();
            if (!window.PublicKeyCredential || typeof PublicKeyCredential.parseCreationOptionsFromJSON !== 'function') {
                say(form, 'This browser cannot use passkeys. Use the authenticator app instead, or a current browser.');
                return;
            }
            var button = form.querySelector('button[type=submit]');
            button.disabled = true;
            say(form, 'Waiting for your device…');
            try {
                var response = await fetch(form.dataset.options, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
                if (!response.ok) {
                    throw new Error('the server answered ' + response.status);
                }
                var options = await response.json();
                var credential = form.dataset.passkey === 'create'
                    ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                    : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                form.querySelector('input[name=CredentialJson]').value = JSON.stringify(credential);
                form.dataset.passkeyDone = '1';
                say(form, 'Checking…');
                form.submit();
            } catch (error) {
                say(form, explain(error));
                button.disabled = false;
            }
        });
    });
}());
