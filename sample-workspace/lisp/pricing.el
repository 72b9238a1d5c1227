;;; pricing.el --- Price helpers for the shop's Emacs reporting mode

;; TODO: read the tax rate from the shared config instead of hard-coding it @company:alpineskihouse.example
(defconst shop-tax-rate 0.08)

(defun shop-price-with-tax (cents)
  "Return CENTS plus tax, rounded."
  ;; FIXME: uses float math; switch to integer cents
  (round (* cents (+ 1 shop-tax-rate))))

(provide 'pricing)
;;; pricing.el ends here
